import Foundation
import TechStackTestSupport
import XCTest
@testable import TechStackEvidence
@testable import TechStackHTML
@testable import TechStackLint
@testable import TechStackModel
@testable import TechStackPortfolio
@testable import TechStackSite

/// The catalogue site: a page for every entry, links that resolve offline, escaping of
/// everything from the catalogue, and a writer that only ever touches the files it owns.
final class SiteTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try Binary.makeTemporaryDirectory(prefix: "techstack-site")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func generate(_ catalogue: Catalogue) throws -> [String: String] {
        let files = try Site.generate(catalogue)
        return Dictionary(files.map { ($0.path.description, $0.contents) }, uniquingKeysWith: { a, _ in a })
    }

    private func write(_ catalogue: Catalogue, to folder: URL) throws -> SiteWriter.Summary {
        try SiteWriter(directory: folder.path).write(try Site.generate(catalogue))
    }

    private func contents(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    // MARK: pages

    func testEveryEntryOfTheDefaultCatalogueHasItsPage() throws {
        let catalogue = try SiteFixtures.builtin()
        let pages = try generate(catalogue)
        for entry in catalogue.allEntries {
            let page = try XCTUnwrap(pages["\(entry.kind.rawValue)/\(entry.id).html"], "no page for \(entry.kind.rawValue)/\(entry.id)")
            XCTAssertTrue(page.contains("<h1>"), entry.id)
        }
        XCTAssertNotNil(pages["components/apex.html"])
        XCTAssertNotNil(pages["source-kinds/individual.html"])
        XCTAssertNotNil(pages["funding-models/central.html"])
        for kind in EntryKind.allCases { XCTAssertNotNil(pages["\(kind.rawValue).html"], kind.rawValue) }
        XCTAssertEqual(pages.count, catalogue.allEntries.count + EntryKind.allCases.count + 4)
    }

    func testEveryPageNamesTheCatalogueAndItsVersionAndDeclaresItsLanguage() throws {
        let catalogue = try SiteFixtures.builtin()
        for (path, page) in try generate(catalogue) where path.hasSuffix(".html") {
            XCTAssertTrue(page.hasPrefix("<!DOCTYPE html><html lang=\"en\">"), path)
            XCTAssertTrue(page.contains("catalogue version \(catalogue.info.version)"), path)
            XCTAssertTrue(page.contains(">\(catalogue.info.name)</a>"), path)
            for landmark in ["<header", "<nav", "<main id=\"main\"", "<footer", "id=\"search-input\""] {
                XCTAssertTrue(page.contains(landmark), "\(path) lacks \(landmark)")
            }
        }
    }

    func testEveryLinkInEveryPageResolvesToAFileInTheSite() throws {
        let out = scratch.appendingPathComponent("site")
        _ = try write(try SiteFixtures.builtin(), to: out)
        let pages = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".html") }
        XCTAssertGreaterThan(pages.count, 50)
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        var checked = 0
        for page in pages {
            let html = try contents(out, page)
            let base = out.appendingPathComponent(page).deletingLastPathComponent()
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                guard let range = Range(match.range(at: 1), in: html) else { continue }
                let target = String(html[range])
                if target.hasPrefix("https://") || target.hasPrefix("http://") || target.hasPrefix("#") { continue }
                XCTAssertFalse(target.contains(":"), "\(page) links outside the site: \(target)")
                let file = String(target.split(separator: "#", maxSplits: 1)[0].split(separator: "?", maxSplits: 1)[0])
                let resolved = base.appendingPathComponent(file).standardizedFileURL
                XCTAssertTrue(resolved.path.hasPrefix(out.standardizedFileURL.path + "/"), "\(page) → \(target) leaves the site")
                XCTAssertTrue(FileManager.default.fileExists(atPath: resolved.path), "\(page) → \(target) does not exist")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    func testTheStackDiagramDrawsEveryComponentInItsPrimaryLayerInsideTheFrame() throws {
        let catalogue = try SiteFixtures.builtin()
        let index = try XCTUnwrap(try generate(catalogue)["index.html"])
        let svgStart = try XCTUnwrap(index.range(of: "<svg"))
        let svgEnd = try XCTUnwrap(index.range(of: "</svg>"))
        let svg = String(index[svgStart.lowerBound..<svgEnd.upperBound])
        XCTAssertTrue(svg.contains("viewBox=\"0 0 1200 "))
        XCTAssertTrue(svg.contains("aria-labelledby=\"stack-title\""))
        for component in catalogue.components {
            XCTAssertTrue(svg.contains("href=\"components/\(component.header.id).html\""), component.header.id)
        }
        for model in catalogue.fundingModels {
            XCTAssertTrue(svg.contains("href=\"funding-models/\(model.header.id).html\""), "legend lacks \(model.header.id)")
        }
        // The frame is drawn first (around), then the four layers in their order.
        let positions = ["layers/governance.html", "layers/microservices.html", "layers/application.html",
                         "layers/infrastructure.html", "layers/data.html"].map { svg.range(of: $0)?.lowerBound }
        XCTAssertFalse(positions.contains(nil))
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        // NECTAR is a hybrid: shown once, in infrastructure, and marked.
        XCTAssertEqual(svg.components(separatedBy: "components/nectar.html").count - 1, 1)
        let nectar = try XCTUnwrap(svg.range(of: "components/nectar.html"))
        let infrastructure = try XCTUnwrap(svg.range(of: "layers/infrastructure.html"))
        let data = try XCTUnwrap(svg.range(of: "layers/data.html"))
        XCTAssertTrue(infrastructure.lowerBound < nectar.lowerBound && nectar.lowerBound < data.lowerBound)
        let nectarChip = svg[nectar.lowerBound...].prefix(700)
        XCTAssertTrue(nectarChip.contains("(hybrid)"))
        XCTAssertTrue(nectarChip.contains("stroke-dasharray"))
    }

    func testAConcernPageShowsWhatDeviatingToEachOptionCosts() throws {
        let page = try XCTUnwrap(try generate(try SiteFixtures.builtin())["concerns/api-style.html"])
        XCTAssertTrue(page.contains("href=\"../standards/rest-json.html\""))
        let soapRow = try XCTUnwrap(page.range(of: "<tr><th scope=\"row\"><a href=\"../standards/soap.html\">"))
        let row = page[soapRow.lowerBound...].prefix(while: { $0 != "\n" })
        let rowEnd = try XCTUnwrap(row.range(of: "</tr>"))
        let soap = row[..<rowEnd.upperBound]
        XCTAssertTrue(soap.contains("alternative"))
        XCTAssertTrue(soap.contains("../datasets/myinfo-person.html"), String(soap))
        XCTAssertTrue(soap.contains("../agencies/ica.html"), String(soap))
        XCTAssertTrue(page.contains("preferred"))
    }

    func testADatasetPageShowsItsSourceOfTruthGrantProcessAndAccessPaths() throws {
        let catalogue = try SiteFixtures.builtin()
        let page = try XCTUnwrap(try generate(catalogue)["datasets/myinfo-person.html"])
        XCTAssertTrue(page.contains("<dt>Source of truth</dt><dd><a href=\"../agencies/ica.html\">"))
        XCTAssertTrue(page.contains("<dt>Consent</dt><dd>required"))
        let grant = try XCTUnwrap(catalogue.agency("ica")?.grantProcess?.summary)
        XCTAssertTrue(page.contains(Escape.html(grant)), "the grant process, shown as written")
        XCTAssertTrue(page.contains("<td><a href=\"../components/myinfo.html\">"))
        for item in try XCTUnwrap(catalogue.dataset("myinfo-person")?.items) {
            XCTAssertTrue(page.contains("<li>\(item)</li>"), item)
        }
    }

    func testAComponentPageShowsWhatIsUnreachableWithoutIt() throws {
        let page = try XCTUnwrap(try generate(try SiteFixtures.builtin())["components/myinfo.html"])
        let cost = try XCTUnwrap(page.range(of: "What is unreachable without it"))
        XCTAssertTrue(page[cost.lowerBound...].contains("../datasets/myinfo-person.html"))
        XCTAssertTrue(page.contains("<dt>Requires</dt><dd><a href=\"../components/singpass.html\">"))
    }

    func testTheFundingModelsPageShowsTheLifecycleAndTheComponentsOnEachModel() throws {
        let catalogue = try SiteFixtures.builtin()
        let page = try XCTUnwrap(try generate(catalogue)["funding-models.html"])
        let lifecycle = try XCTUnwrap(page.range(of: "<ol class=\"lifecycle\""))
        let chain = page[lifecycle.lowerBound...].prefix(while: { _ in true })
        let project = try XCTUnwrap(chain.range(of: "funding-models/project-then-paid.html"))
        let paid = try XCTUnwrap(chain.range(of: "funding-models/pay-per-use.html"))
        XCTAssertTrue(project.lowerBound < paid.lowerBound)
        XCTAssertTrue(page.contains("when its users reach 100,000 users"))
        for component in catalogue.components {
            XCTAssertTrue(page.contains("href=\"components/\(component.header.id).html\""), component.header.id)
        }
    }

    // MARK: search index

    func testTheSearchIndexHoldsEveryEntryAndLoadsWithoutAServer() throws {
        let catalogue = try SiteFixtures.builtin()
        let script = try XCTUnwrap(try generate(catalogue)["search-index.js"])
        let prefix = "window.TECHSTACK_SEARCH = "
        XCTAssertTrue(script.hasPrefix(prefix))
        let json = script.dropFirst(prefix.count).trimmingCharacters(in: .whitespacesAndNewlines).dropLast()
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.count, catalogue.allEntries.count)
        let myinfo = try XCTUnwrap(items.first { $0["id"] as? String == "myinfo" })
        XCTAssertEqual(myinfo["path"] as? String, "components/myinfo.html")
        XCTAssertEqual(myinfo["name"] as? String, "Myinfo")
        let person = try XCTUnwrap(items.first { $0["id"] as? String == "myinfo-person" })
        XCTAssertTrue((person["more"] as? [String] ?? []).contains("registered address"))
    }

    // MARK: escaping

    func testAHostileNameIsTextOnItsPageInTheDiagramAndInTheSearchIndex() throws {
        let pages = try generate(try SiteFixtures.hostile())
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
        for path in ["components/login.html", "index.html", "components.html", "datasets/person.html"] {
            let page = try XCTUnwrap(pages[path], path)
            XCTAssertTrue(page.contains(escaped), "\(path) does not show the name as text")
            XCTAssertFalse(page.contains("alert(1)</script>"), path)
        }
        let index = try XCTUnwrap(pages["index.html"])
        let svg = try XCTUnwrap(index.range(of: "<svg")).lowerBound
        XCTAssertTrue(index[svg...].contains("<title>\(escaped)"), "the diagram's tooltip")
        XCTAssertTrue(index[svg...].contains(">\(escaped)</text>"), "the diagram's label")
        let search = try XCTUnwrap(pages["search-index.js"])
        XCTAssertTrue(search.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e") || search.contains("\\u003cscript\\u003ealert(1)\\u003c\\/script\\u003e"))
        XCTAssertFalse(search.contains("<"))
        XCTAssertFalse(search.contains(">"))
        for (path, page) in pages {
            for n in 2...7 { XCTAssertFalse(page.contains("<script>alert(\(n))"), "\(path): alert(\(n)) became markup") }
            XCTAssertFalse(page.contains("<i>really</i>"), path)
            XCTAssertFalse(page.contains("<u>underlined</u>"), path)
            XCTAssertFalse(page.contains("<b>Stack</b>"), path)
        }
    }

    func testCatalogueTextCannotLeaveAnAttribute() throws {
        let pages = try generate(try SiteFixtures.hostile())
        let handler = try NSRegularExpression(pattern: #"<[a-zA-Z][\w-]*(?:\s+[\w:-]+(?:="[^"]*")?)*\s+on[a-z]+\s*="#)
        for (path, page) in pages {
            XCTAssertEqual(handler.numberOfMatches(in: page, range: NSRange(page.startIndex..., in: page)), 0, "\(path) has an event handler")
        }
        let funding = try XCTUnwrap(pages["funding-models.html"])
        XCTAssertTrue(funding.contains("aria-label=\"Lifecycle of Central&quot; onfocus=&quot;alert(8)\""))
        let agency = try XCTUnwrap(pages["agencies/reg.html"])
        let component = try XCTUnwrap(pages["components/login.html"])
        XCTAssertTrue(component.contains("href=\"https://example.org/login&quot;&gt;&lt;script&gt;alert(6)&lt;/script&gt;\""))
        // A javascript: URL is shown, never linked.
        XCTAssertFalse(component.contains("href=\"javascript:"))
        XCTAssertFalse(agency.contains("href=\"javascript:"))
        XCTAssertTrue(component.contains("javascript:alert(7)"))
        let rest = try XCTUnwrap(pages["standards/rest.html"])
        XCTAssertTrue(rest.contains("href=\"https://example.org/rest?a=1&amp;b=&quot;2&quot;\""))
    }

    func testTextThatLooksLikeAnEntityShowsExactlyAsWritten() throws {
        let page = try XCTUnwrap(try generate(try SiteFixtures.hostile())["agencies/reg.html"])
        XCTAssertTrue(page.contains("&amp;lt;b&amp;gt; is how a bold tag is written"))
        XCTAssertTrue(page.contains("Test &amp; &lt;b&gt;Stack&lt;/b&gt;"))
    }

    // MARK: paths

    func testSitePathsCannotLeaveTheFolder() {
        for bad in ["", "..", ".", "../x.html", "a/../b.html", "/etc/passwd", "a//b", ".techstack-site", "a/.hidden",
                    "a\\b", "a b", "ümlaut.html", "a/"] {
            XCTAssertNil(SitePath(bad), bad)
        }
        XCTAssertEqual(SitePath("components/apex.html")?.rootPrefix, "../")
        XCTAssertEqual(SitePath("index.html")?.rootPrefix, "")
        for id in ["..", "../evil", "a/b", "a..b", "", "-x", "UPPER", ".hidden"] {
            XCTAssertNil(SitePath(kind: .components, id: id), id)
        }
        XCTAssertEqual(SitePath(kind: .standards, id: "wcag-2.1-aa")?.description, "standards/wcag-2.1-aa.html")
    }

    func testAnEntryWhoseIdCouldEscapeIsRefused() throws {
        var catalogue = try SiteFixtures.hostile()
        catalogue.components[0].header.id = "../../escape"
        catalogue.index()
        XCTAssertThrowsError(try Site.generate(catalogue)) { error in
            guard case Site.Problem.unsafeID(_, let id, _)? = error as? Site.Problem else { return XCTFail("\(error)") }
            XCTAssertEqual(id, "../../escape")
        }
    }

    // MARK: writing

    func testARerunReplacesOwnedFilesRemovesStaleOnesAndKeepsTheUsersFiles() throws {
        let out = scratch.appendingPathComponent("site")
        var catalogue = try SiteFixtures.hostile()
        _ = try write(catalogue, to: out)
        let userFile = out.appendingPathComponent("notes.txt")
        let userPage = out.appendingPathComponent("components/mine.html")
        try "mine".write(to: userFile, atomically: true, encoding: .utf8)
        try "mine".write(to: userPage, atomically: true, encoding: .utf8)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("standards/soap.html").path))

        catalogue.standards.removeAll { $0.header.id == "soap" }
        catalogue.concerns[1].alternatives = []
        catalogue.info.version = "2"
        catalogue.index()
        let summary = try write(catalogue, to: out)

        XCTAssertEqual(summary.removed.map(\.description), ["standards/soap.html"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("standards/soap.html").path))
        XCTAssertEqual(try contents(out, "notes.txt"), "mine")
        XCTAssertEqual(try contents(out, "components/mine.html"), "mine")
        XCTAssertTrue(try contents(out, "standards/rest.html").contains("catalogue version 2"))
        let manifest = try contents(out, SiteWriter.manifestName)
        XCTAssertTrue(manifest.contains("\nstandards/rest.html\n"))
        XCTAssertFalse(manifest.contains("soap"))
        XCTAssertFalse(manifest.contains("notes.txt"))
    }

    func testAFileInTheWayThatTheSiteDoesNotOwnStopsTheRunBeforeAnythingIsWritten() throws {
        let out = scratch.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "my own home page".write(to: out.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try write(try SiteFixtures.hostile(), to: out)) { error in
            let message = (error as? DiagnosticList)?.items.first?.message ?? ""
            XCTAssertTrue(message.contains("was not written by 'techstack catalogue site'"), message)
        }
        XCTAssertEqual(try contents(out, "index.html"), "my own home page")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("style.css").path))
    }

    func testAnOutputPathThatIsAFileIsRefused() throws {
        let file = scratch.appendingPathComponent("site")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try write(try SiteFixtures.hostile(), to: file)) { error in
            XCTAssertTrue((error as? DiagnosticList)?.items.first?.message.contains("is a file") ?? false, "\(error)")
        }
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "x")
    }

    func testASymbolicLinkInsideTheFolderIsNeverWrittenThrough() throws {
        let out = scratch.appendingPathComponent("site")
        let elsewhere = scratch.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("components"), withDestinationURL: elsewhere)
        XCTAssertThrowsError(try write(try SiteFixtures.hostile(), to: out))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
    }

    func testAnEditedManifestCannotMakeTheWriterDeleteOutsideTheFolder() throws {
        let out = scratch.appendingPathComponent("site")
        _ = try write(try SiteFixtures.hostile(), to: out)
        let victim = scratch.appendingPathComponent("victim.html")
        try "keep".write(to: victim, atomically: true, encoding: .utf8)
        let manifest = out.appendingPathComponent(SiteWriter.manifestName)
        let edited = try String(contentsOf: manifest, encoding: .utf8) + "../victim.html\n\(victim.path)\n..\n"
        try edited.write(to: manifest, atomically: true, encoding: .utf8)
        _ = try write(try SiteFixtures.hostile(), to: out)
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "keep")
    }
}
