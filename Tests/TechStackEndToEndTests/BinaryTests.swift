import TechStackTestSupport
import XCTest

/// The end-to-end helper itself: the real binary runs and its streams and status come back apart.
final class BinaryTests: XCTestCase {
    func testVersionIsPrintedOnStandardOutput() throws {
        let result = try Binary.run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertFalse(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    func testUnknownCommandExitsTwoWithMessageOnStandardError() throws {
        let result = try Binary.run(["no-such-command"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stdout.isEmpty)
        XCTAssertFalse(result.stderr.isEmpty)
    }
}
