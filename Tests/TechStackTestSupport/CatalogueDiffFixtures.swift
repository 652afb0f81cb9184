// Test support builds wherever XCTest is; a static release build (no XCTest) compiles it empty.
#if canImport(XCTest)
import Foundation

/// The portfolio the catalogue-diff tests measure a change against: one project on SOAP, one
/// on Bootstrap, one on the recommended choices; `soap` is the fixture catalogue's SOAP line.
public enum CatalogueDiffFixtures {
    public static let soap = "  - {id: soap, name: SOAP, summary: s}"
    public static let soapProject = """
    techstack: 1
    project: parking
    agency: hdb
    choices:
      api-style: soap
      analytics: wogaa
      hosting: gcc
    """
    public static let bootstrapProject = """
    techstack: 1
    project: flats
    agency: hdb
    choices:
      design-system: bootstrap
      analytics: wogaa
      hosting: gcc
    """
    public static let cleanProject = """
    techstack: 1
    project: passport
    agency: ica
    choices:
      api-style: rest-json
      analytics: wogaa
      hosting: gcc
    """
}

/// Files written into a test's scratch folder.
public enum Scratch {
    /// Writes `text` to `path` under `folder`, making the folders between.
    public static func write(_ text: String, to path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
#endif
