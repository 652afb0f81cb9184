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
        let path = XML.escape(file.path)
        var cases: [String] = []
        var failures = 0, skipped = 0
        if !file.errors.isEmpty {
            // A manifest that could not be used ran no rule: one errored case says why.
            var body = "    <testcase classname=\"\(path)\" name=\"manifest\">\n"
            for error in file.errors {
                body += "      <error type=\"error\" message=\"\(XML.escape(error.message))\">"
                    + XML.escape("\(error.path):\(error.mark.line):\(error.mark.column): error: \(error.message)")
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
                var body = "    <testcase classname=\"\(path)\" name=\"\(XML.escape(rule))\""
                if found.isEmpty && suppressed.isEmpty {
                    cases.append(body + "/>\n")
                    continue
                }
                body += ">\n"
                if found.isEmpty {
                    skipped += 1
                    let reasons = suppressed.map { $0.exemption ?? "an exemption" }
                    body += "      <skipped message=\"\(XML.escape("suppressed by exemption: " + reasons.joined(separator: "; ")))\"/>\n"
                } else {
                    failures += 1
                    for finding in found {
                        body += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(XML.escape(finding.message))\">"
                            + XML.escape(detail(finding, path: file.path)) + "</failure>\n"
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
        xml += "      <property name=\"catalogue\" value=\"\(XML.escape(catalogue.name))\"/>\n"
        xml += "      <property name=\"catalogue-version\" value=\"\(XML.escape(catalogue.version))\"/>\n"
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

/// Escaping for XML 1.0 text and attribute values.
enum XML {
    /// Escapes the five predefined entities, keeps line breaks and tabs in attributes as
    /// character references (a parser would otherwise turn them into spaces), and makes
    /// characters XML 1.0 forbids visible as `\u{…}` instead of writing a file no parser reads.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if isAllowed(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                }
            }
        }
        return out
    }

    /// XML 1.0 `Char`, minus the C1 controls and bidirectional overrides that are legal but
    /// let text disguise itself in a viewer.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202F...0x2065, 0x206A...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
