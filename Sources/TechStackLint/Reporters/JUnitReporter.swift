import Foundation
import TechStackEvidence
import TechStackModel

/// JUnit XML (`--format junit`), for CI systems that show test reports. Valid against both
/// widely used schemas: Jenkins xUnit's and windyroad's (which allows no attributes on
/// `<testsuites>`, at most one `<failure>`, `<error>` or `<skipped>` per test case, and
/// requires `<properties>`, `<system-out>` and `<system-err>` in every suite).
///
/// One test suite per manifest. In it, one passing case per rule that stayed silent, and one
/// case per finding: a `<failure>` when the finding is at or above `--fail-on` (never for an
/// `info` notice), `<skipped>` when an exemption suppressed it, passing otherwise. So a
/// suite's `failures` is the number of findings that fail the run. Findings that do not fail
/// are listed in the suite's `<system-out>`; a manifest that could not be used is one case
/// with an `<error>`.
public enum JUnitReporter: Reporter {
    public static let identifier = "junit"

    public static func generateReport(_ report: LintReport, context: ReportContext) -> String {
        let ruleIDs = context.rules.filter { $0.severity != nil }.map(\.id)
        let timestamp = timestamp(Date())
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n"
        for (index, file) in report.files.enumerated() {
            xml += testSuite(file, id: index, ruleIDs: ruleIDs, catalogue: report.catalogue,
                             failOn: failureLevel(context.failOn), failOnName: context.failOn?.rawValue ?? "never",
                             timestamp: timestamp)
        }
        xml += "</testsuites>\n"
        return xml
    }

    /// The lowest severity shown as a failure: `--fail-on`, but never below `warning` (a notice
    /// informs, it does not fail a test); nil when nothing fails (`--fail-on never`).
    static func failureLevel(_ failOn: Severity?) -> Severity? {
        failOn.map { max($0, .warning) }
    }

    static func testSuite(_ file: FileResult, id: Int, ruleIDs: [String], catalogue: CatalogueInfo,
                          failOn: Severity?, failOnName: String, timestamp: String) -> String {
        let path = Escape.xml(file.path)
        var cases = ""
        var tests = 0, failures = 0, errors = 0, skipped = 0
        var out: [String] = []
        func testcase(_ name: String, _ body: String? = nil) {
            tests += 1
            let open = "    <testcase classname=\"\(path)\" name=\"\(Escape.xml(name))\" time=\"0\""
            cases += body.map { open + ">\n" + $0 + "    </testcase>\n" } ?? open + "/>\n"
        }
        if !file.errors.isEmpty {
            // A manifest that could not be used ran no rule: one errored case says why.
            errors = 1
            let lines = file.errors.map { "\($0.path):\($0.mark.line):\($0.mark.column): error: \($0.message)" }
            testcase("manifest", "      <error type=\"error\" message=\"\(Escape.xml(file.errors[0].message))\">"
                     + Escape.xml(lines.joined(separator: "\n")) + "</error>\n")
        } else {
            var fired: [String] = []
            for finding in file.findings + file.suppressed where !fired.contains(finding.rule) { fired.append(finding.rule) }
            for rule in ruleIDs where !fired.contains(rule) { testcase(rule) }
            for finding in file.findings {
                let name = caseName(finding)
                if let failOn, finding.severity >= failOn {
                    failures += 1
                    testcase(name, "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Escape.xml(finding.message))\">"
                             + Escape.xml(detail(finding, path: file.path)) + "</failure>\n")
                } else {
                    testcase(name)
                    out.append(detail(finding, path: file.path))
                }
            }
            for finding in file.suppressed {
                skipped += 1
                let reason = "suppressed by exemption: " + (finding.exemption ?? "an exemption")
                testcase(caseName(finding), "      <skipped message=\"\(Escape.xml(reason))\"/>\n")
                out.append(detail(finding, path: file.path) + "\n" + reason)
            }
        }
        var xml = "  <testsuite name=\"\(path)\" package=\"techstack\" id=\"\(id)\" timestamp=\"\(timestamp)\" hostname=\"localhost\""
            + " tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"0\">\n"
        xml += "    <properties>\n"
        xml += "      <property name=\"catalogue\" value=\"\(Escape.xml(catalogue.name))\"/>\n"
        xml += "      <property name=\"catalogue-version\" value=\"\(Escape.xml(catalogue.version))\"/>\n"
        xml += "      <property name=\"fail-on\" value=\"\(failOnName)\"/>\n"
        xml += "    </properties>\n"
        xml += cases
        xml += "    <system-out>" + Escape.xml(out.joined(separator: "\n")) + "</system-out>\n"
        xml += "    <system-err></system-err>\n"
        xml += "  </testsuite>\n"
        return xml
    }

    /// `rule (what it is about)`: stable across edits, so CI test history follows a finding.
    static func caseName(_ finding: Finding) -> String {
        let subject = finding.concern ?? finding.dataset ?? finding.key
        return subject.map { "\(finding.rule) (\($0))" } ?? finding.rule
    }

    static func detail(_ finding: Finding, path: String) -> String {
        var text = "\(path):\(finding.line):\(finding.column): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]"
        if let cost = finding.costText { text += "\ncost: " + cost }
        return text
    }

    /// `YYYY-MM-DDTHH:MM:SS` in UTC, the form windyroad's schema accepts.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return "1970-01-01T00:00:00" }
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
