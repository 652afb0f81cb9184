import Foundation
import XCTest

/// The folders of each library module form no cycle: a folder uses the types of the folders
/// below it and is used by those above (README, "Architecture"). SwiftPM already refuses a cycle
/// between modules; this keeps the same order one level down.
///
/// A folder "uses" another when its code names a type declared at the top level of exactly one
/// other folder and nowhere in its own. Names declared in several folders are left out rather
/// than guessed at, so the check can miss a use but does not invent one.
final class ArchitectureTests: XCTestCase {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Folder ("Module/Folder") → the Swift texts in it.
    static func folders() throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasPrefix("TechStack") }
        XCTAssertGreaterThanOrEqual(modules.count, 5, "the library modules are under \(sources.path)")
        for module in modules {
            let base = sources.appendingPathComponent(module)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".swift") {
                let parts = relative.split(separator: "/")
                let folder = parts.count > 1 ? "\(module)/\(parts[0])" : module
                out[folder, default: []].append(try String(contentsOf: base.appendingPathComponent(relative), encoding: .utf8))
            }
        }
        return out
    }

    static func uses(_ folders: [String: [String]]) throws -> [String: [String: Set<String>]] {
        let declaration = try NSRegularExpression(
            pattern: #"^(?:(?:public|package|internal|final|indirect)\s+)*(?:struct|enum|class|protocol|typealias|actor)\s+([A-Za-z_]\w*)"#,
            options: [.anchorsMatchLines])
        // Any declaration, nested ones included: a folder naming its own nested `Entry` or
        // `Rule` uses that, not another folder's top-level type of the same name.
        let anyDeclaration = try NSRegularExpression(
            pattern: #"\b(?:struct|enum|class|protocol|typealias|actor)\s+([A-Za-z_]\w*)"#)
        let typeName = try NSRegularExpression(pattern: #"\b[A-Z]\w*\b"#)
        let noise = try NSRegularExpression(pattern: #"//.*|"(?:[^"\\\n]|\\.)*""#)
        func matches(_ regex: NSRegularExpression, _ text: String, group: Int = 0) -> [String] {
            regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
                Range($0.range(at: group), in: text).map { String(text[$0]) }
            }
        }
        var owners: [String: Set<String>] = [:]
        for (folder, texts) in folders {
            for text in texts {
                for name in matches(declaration, text, group: 1) { owners[name, default: []].insert(folder) }
            }
        }
        var uses: [String: [String: Set<String>]] = [:]
        for (folder, texts) in folders {
            let own = Set(texts.flatMap { matches(anyDeclaration, $0, group: 1) })
            for text in texts {
                let code = noise.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
                for name in Set(matches(typeName, code)) {
                    guard !own.contains(name), let owner = owners[name], owner.count == 1, let used = owner.first, used != folder else { continue }
                    uses[folder, default: [:]][used, default: []].insert(name)
                }
            }
        }
        return uses
    }

    /// Each cycle of `uses`, as "A -> B (types); B -> A (types)".
    static func cycles(_ uses: [String: [String: Set<String>]]) -> [String] {
        // Depth-first search; an edge back to a folder on the path closes a cycle.
        var state: [String: Int] = [:]  // 1: on the path, 2: done
        var path: [String] = []
        var cycles: [String] = []
        func visit(_ folder: String) {
            state[folder] = 1
            path.append(folder)
            for next in (uses[folder] ?? [:]).keys.sorted() {
                if state[next] == 1, let start = path.firstIndex(of: next) {
                    let loop = Array(path[start...]) + [next]
                    let links = zip(loop, loop.dropFirst()).map { a, b in
                        "\(a) -> \(b) (\((uses[a]?[b] ?? []).sorted().prefix(3).joined(separator: ", ")))"
                    }
                    cycles.append(links.joined(separator: "; "))
                } else if state[next] == nil {
                    visit(next)
                }
            }
            path.removeLast()
            state[folder] = 2
        }
        for folder in uses.keys.sorted() where state[folder] == nil { visit(folder) }
        return cycles
    }

    func testNoFolderOfTheLibraryDependsOnItselfThroughOthers() throws {
        let uses = try Self.uses(try Self.folders())
        XCTAssertGreaterThan(uses.count, 10)
        XCTAssertEqual(Self.cycles(uses), [], "folders that use each other")
    }

    /// The check sees a cycle when there is one (two folders naming each other's types).
    func testACycleIsSeen() throws {
        let uses = try Self.uses([
            "M/A": ["struct Alpha {}\nlet b = Beta()"],
            "M/B": ["struct Beta {}\nlet a = Alpha()"],
        ])
        XCTAssertEqual(uses["M/A"]?["M/B"], ["Beta"])
        XCTAssertEqual(uses["M/B"]?["M/A"], ["Alpha"])
        XCTAssertEqual(Self.cycles(uses), ["M/A -> M/B (Beta); M/B -> M/A (Alpha)"])
    }

    /// `fuzz/run` compiles the lint module and the two below it as one module, where two files
    /// of the same name cannot be told apart.
    func testTheModulesFuzzingCompilesAsOneHaveDistinctFileNames() throws {
        var seen: [String: String] = [:]
        var twice: [String] = []
        for module in ["TechStackModel", "TechStackEvidence", "TechStackLint"] {
            let base = Self.sources.appendingPathComponent(module)
            let walker = try XCTUnwrap(FileManager.default.enumerator(atPath: base.path), "no \(base.path)")
            for case let relative as String in walker where relative.hasSuffix(".swift") {
                let name = (relative as NSString).lastPathComponent
                if let first = seen[name] { twice.append("\(first) and \(module)/\(relative)") }
                seen[name] = "\(module)/\(relative)"
            }
        }
        XCTAssertGreaterThan(seen.count, 40)
        XCTAssertEqual(twice, [])
    }
}
