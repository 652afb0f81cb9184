/// JUnit XML (`--format junit`), for CI systems that show test reports: one test suite per
/// manifest, one test case per rule that ran (passing when the rule stayed silent), one
/// `<failure>` per finding with the severity as its type.
public enum JUnitReporter: Reporter {
    public static let identifier = "junit"

    public static func generateReport(_ report: LintReport, context: ReportContext) -> String {
        let ruleIDs = context.rules.filter { $0.severity != "off" }.map(\.id)
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        for file in report.files {
            let suite = testSuite(file, ruleIDs: ruleIDs, catalogue: report.catalogue)
            suites.append(suite.xml)
            totals.tests += suite.tests
            totals.failures += suite.failures
            totals.errors += suite.errors
            totals.skipped += suite.skipped
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"techstack lint\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\""
            + " errors=\"\(totals.errors)\" skipped=\"\(totals.skipped)\">\n"
        xml += suites.joined()
        xml += "</testsuites>\n"
        return xml
    }

    struct Suite {
        var xml: String
        var tests: Int
        var failures: Int
        var errors: Int
        var skipped: Int
    }

    static func testSuite(_ file: FileResult, ruleIDs: [String], catalogue: CatalogueInfo) -> Suite {
        let path = Escape.xml(file.path)
        var cases: [String] = []
        var failures = 0, skipped = 0
        if !file.errors.isEmpty {
            // A manifest that could not be used ran no rule: one errored case says why.
            var body = "    <testcase classname=\"\(path)\" name=\"manifest\">\n"
            for error in file.errors {
                body += "      <error type=\"error\" message=\"\(Escape.xml(error.message))\">"
                    + Escape.xml("\(error.path):\(error.mark.line):\(error.mark.column): error: \(error.message)")
                    + "</error>\n"
            }
            body += "    </testcase>\n"
            cases.append(body)
        } else {
            // Rules the context does not list but that fired still get their case.
            var order = ruleIDs
            for finding in file.findings + file.suppressed where !order.contains(finding.rule) {
                order.append(finding.rule)
            }
            for rule in order {
                let found = file.findings.filter { $0.rule == rule }
                let suppressed = file.suppressed.filter { $0.rule == rule }
                var body = "    <testcase classname=\"\(path)\" name=\"\(Escape.xml(rule))\""
                if found.isEmpty && suppressed.isEmpty {
                    cases.append(body + "/>\n")
                    continue
                }
                body += ">\n"
                if found.isEmpty {
                    skipped += 1
                    let reasons = suppressed.map { $0.exemption ?? "an exemption" }
                    body += "      <skipped message=\"\(Escape.xml("suppressed by exemption: " + reasons.joined(separator: "; ")))\"/>\n"
                } else {
                    failures += 1
                    for finding in found {
                        body += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Escape.xml(finding.message))\">"
                            + Escape.xml(detail(finding, path: file.path)) + "</failure>\n"
                    }
                }
                body += "    </testcase>\n"
                cases.append(body)
            }
        }
        let errors = file.errors.isEmpty ? 0 : 1
        var xml = "  <testsuite name=\"\(path)\" tests=\"\(cases.count)\" failures=\"\(failures)\""
            + " errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
        xml += "    <properties>\n"
        xml += "      <property name=\"catalogue\" value=\"\(Escape.xml(catalogue.name))\"/>\n"
        xml += "      <property name=\"catalogue-version\" value=\"\(Escape.xml(catalogue.version))\"/>\n"
        xml += "    </properties>\n"
        xml += cases.joined()
        xml += "  </testsuite>\n"
        return Suite(xml: xml, tests: cases.count, failures: failures, errors: errors, skipped: skipped)
    }

    static func detail(_ finding: Finding, path: String) -> String {
        var text = "\(path):\(finding.line):\(finding.column): \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]"
        if let cost = finding.costText { text += "\ncost: " + cost }
        return text
    }
}
