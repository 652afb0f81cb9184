import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackModel
@testable import TechStackPortfolio

/// Reading a file: only regular files, never over the limit, whether or not a walk has just
/// listed the file as regular (which spares the `stat` before opening it).
final class InputFileTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try Binary.makeTemporaryDirectory()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func message(_ path: String, listedRegular: Bool, limit: Int = InputFile.sizeLimit) -> String? {
        do {
            _ = try InputFile.read(path, limit: limit, listedRegular: listedRegular)
            return nil
        } catch {
            return error.message
        }
    }

    func testARegularFileReadsTheSameEitherWay() throws {
        let path = root.appendingPathComponent("techstack.yaml").path
        try "techstack: 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try InputFile.read(path).bytes, Array("techstack: 1\n".utf8))
        XCTAssertEqual(try InputFile.read(path, listedRegular: true).bytes, Array("techstack: 1\n".utf8))
    }

    func testAFIFOAndAFolderAreRefusedEvenWhenListedAsRegular() throws {
        let fifo = root.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // Opened non-blocking, so a FIFO with no writer cannot hang the read.
        XCTAssertEqual(message(fifo, listedRegular: true), "is not a regular file")
        XCTAssertEqual(message(fifo, listedRegular: false), "is not a regular file")
        XCTAssertEqual(message(root.path, listedRegular: true), "is not a regular file")
        XCTAssertEqual(message(root.path, listedRegular: false), "is a directory, not a file")
    }

    func testTheSizeLimitHoldsEitherWay() throws {
        let path = root.appendingPathComponent("big.yaml").path
        try String(repeating: "a", count: 100).write(toFile: path, atomically: true, encoding: .utf8)
        let refused = "file is 100 bytes; the limit is 99 bytes (1 MiB)"
        XCTAssertEqual(message(path, listedRegular: true, limit: 99), refused)
        XCTAssertEqual(message(path, listedRegular: false, limit: 99), refused)
        XCTAssertNil(message(path, listedRegular: true, limit: 100))
    }

    func testTheSearchMarksWhatItFindsAsListedAndWhatIsGivenAsGiven() throws {
        let folder = root.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let manifest = folder.appendingPathComponent("techstack.yaml").path
        try "techstack: 1\n".write(toFile: manifest, atomically: true, encoding: .utf8)
        XCTAssertEqual(Portfolio.inputs([root.path]), [.found(manifest)])
        XCTAssertEqual(Portfolio.inputs([manifest]), [.manifest(manifest)])
        XCTAssertEqual(Portfolio.inputs([root.path]).map(\.manifestPath), [manifest])
    }
}
