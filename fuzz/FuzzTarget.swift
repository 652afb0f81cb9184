// libFuzzer entry point over the loaders of everything a user hands to techstack: manifests,
// rule files and catalogue files. Compiled by `fuzz/run` together with the sources of the lint
// module and of the modules it depends on (not by SwiftPM), so the normal build and tests never
// see it.
//
// TECHSTACK_FUZZ_TARGET picks what the input is taken for: manifest (default), rules or
// catalogue. Every input that loads is also used — linted and reported in every format,
// linted with, or reached through — so the code behind the loaders is fuzzed too.

import Foundation

private enum FuzzTarget: String {
    case manifest, rules, catalogue

    static let current = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["TECHSTACK_FUZZ_TARGET"] ?? "manifest") ?? .manifest
}

private let catalogue: Catalogue = {
    guard let catalogue = CatalogueLoader.load(files: Builtin.catalogueFiles).catalogue else {
        fatalError("the built-in catalogue does not load")
    }
    return catalogue
}()

private let builtinRules: RuleSet = {
    guard let rules = RuleSet.load(builtin: Builtin.ruleFiles, added: []).ruleSet else {
        fatalError("the built-in rules do not load")
    }
    return rules
}()

private let day: Day = {
    guard let day = Day("2026-06-30") else { fatalError("the fuzzing date does not parse") }
    return day
}()

private let sampleManifest = InputFile(path: "techstack.yaml", text: """
    techstack: 1
    project: fuzz
    agency: ica
    sector: private
    choices:
      api-style: soap
      citizen-identity: singpass
      hosting: nectar
    consumes: [myinfo-person, hdb-resale-prices]
    produces:
      - id: fuzz-status
    exemptions:
      - rule: recommended-choice
        concern: api-style
        reason: fuzzing
        expires: 2026-07-15
    """)

private func report(_ result: FileResult, rules: RuleSet) {
    let report = LintReport(catalogue: catalogue.info, files: [result])
    let context = ReportContext(rules: rules.descriptions, workingDirectory: "/work", showSuppressed: true)
    for reporter in Reporters.all {
        _ = reporter.generateReport(report, context: context)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = InputFile(path: "input.yaml", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    switch FuzzTarget.current {
    case .manifest:
        let linter = Linter(catalogue: catalogue, rules: builtinRules, today: day)
        report(linter.lint(file), rules: builtinRules)
    case .rules:
        let result = RuleSet.load(builtin: Builtin.ruleFiles, added: [file])
        for diagnostic in result.diagnostics.items { _ = diagnostic.description }
        if let rules = result.ruleSet {
            _ = rules.problems(against: catalogue)
            report(Linter(catalogue: catalogue, rules: rules, today: day).lint(sampleManifest), rules: rules)
        }
    case .catalogue:
        for files in [[file], Builtin.catalogueFiles + [file]] {
            let result = CatalogueLoader.load(files: files)
            for diagnostic in result.diagnostics.items { _ = diagnostic.description }
            guard let loaded = result.catalogue, !result.diagnostics.hasErrors else { continue }
            let reach = Reach(catalogue: loaded)
            for entry in loaded.allEntries.prefix(200) { _ = reach.cost(of: entry.id) }
            var reachability = reach.reachability(of: reach.recommendedStack)
            for dataset in loaded.datasets.prefix(50) {
                _ = reachability.reaches(dataset.header.id)
                _ = reachability.nearestPath(to: dataset)
            }
            let linter = Linter(catalogue: loaded, rules: builtinRules, today: day)
            report(linter.lint(sampleManifest), rules: builtinRules)
        }
    }
    return 0
}
