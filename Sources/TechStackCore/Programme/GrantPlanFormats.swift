import Foundation

/// `techstack grants --format text|markdown|json`.
public enum GrantPlanFormat: String, Sendable, CaseIterable {
    case text, markdown, json

    public func generate(_ plan: GrantPlan, style: Style) -> String {
        switch self {
        case .text: GrantPlanText.generate(plan, style: style)
        case .markdown: GrantPlanMarkdown.generate(plan)
        case .json: JSONOutput.encode(GrantPlanJSON(plan))
        }
    }
}

enum GrantPlanText {
    static func generate(_ plan: GrantPlan, style: Style) -> String {
        func s(_ text: String) -> String { Terminal.sanitize(text) }
        var out: [String] = [style.bold("Grant plan") + " · \(s(plan.catalogue.name)) \(s(plan.catalogue.version))"]
        for project in plan.projects {
            out.append("")
            if let problem = project.problem {
                out.append(style.red(s(problem.description)))
                continue
            }
            let missing = project.missing
            out.append("\(style.bold(s(project.path))) · \(s(project.project)) (\(s(project.agency))) · " + (missing == 0 ? style.green("no grant missing") : style.red("\(missing) grant\(plural(missing)) missing")))
            if project.groups.isEmpty { out.append("  consumes no catalogue dataset") }
            for group in project.groups {
                out.append("  from \(style.bold(s(group.agency)))\(group.name.map { " (\(s($0)))" } ?? "")")
                for item in group.items {
                    let status: String
                    switch item.status {
                    case .granted: status = style.green("granted") + " \(s(item.reference ?? ""))"
                    case .missing: status = style.red("missing") + (item.reachable ? " (the data is otherwise reachable)" : "")
                    case .notNeeded: status = style.dim("not needed") + " (\(item.reason ?? ""))"
                    }
                    out.append("    \(s(item.dataset)): \(status)")
                }
                if group.items.contains(where: { $0.status == .missing }), let process = group.process {
                    out.append("    grant process: \(s(Linter.clause(process.summary)))\(process.url.map { " — \(s($0))" } ?? "")")
                }
            }
        }
        out.append("")
        out.append(style.bold("Projects waiting per agency"))
        if plan.waits.isEmpty { out.append("  No project needs a grant from another agency.") }
        for wait in plan.waits {
            out.append("  \(style.bold(s(wait.agency)))\(wait.name.map { " (\(s($0)))" } ?? ""): \(wait.projectsWaiting) project\(plural(wait.projectsWaiting)) waiting, \(wait.missingGrants) missing grant\(plural(wait.missingGrants))")
            if !wait.blockingReachable.isEmpty {
                out.append("    blocks reachable data: " + wait.blockingReachable.map { "\(s($0.dataset)) for \(s($0.path))" }.joined(separator: ", "))
            }
            if wait.missingGrants > 0, let process = wait.process {
                out.append("    grant process: \(s(Linter.clause(process.summary)))\(process.url.map { " — \(s($0))" } ?? "")")
            }
        }
        out.append("")
        out.append("\(plan.missingCount) missing grant\(plural(plan.missingCount)) in \(plan.projects.count - plan.errorCount) project\(plural(plan.projects.count - plan.errorCount))" + (plan.errorCount > 0 ? style.red(", \(plan.errorCount) manifest\(plural(plan.errorCount)) could not be read") : ""))
        return out.joined(separator: "\n") + "\n"
    }
}

enum GrantPlanMarkdown {
    static func generate(_ plan: GrantPlan) -> String {
        let m = Escape.markdown
        var out = ["# Grant plan", "", "\(m(plan.catalogue.name)) \(m(plan.catalogue.version))", "", "## Projects waiting per agency", ""]
        if plan.waits.isEmpty {
            out.append("No project needs a grant from another agency.")
        } else {
            out.append("| Agency | Projects waiting | Missing grants | Blocking reachable data | Grant process |")
            out.append("| --- | ---: | ---: | --- | --- |")
            for w in plan.waits {
                let blocked = w.blockingReachable.map { "\(m($0.dataset)) for \(m($0.path))" }.joined(separator: "; ")
                let process = w.process.map { m(Linter.clause($0.summary)) + ($0.url.map { " (\(m($0)))" } ?? "") } ?? ""
                out.append("| \(m(w.agency))\(w.name.map { " (\(m($0)))" } ?? "") | \(w.projectsWaiting) | \(w.missingGrants) | \(blocked) | \(process) |")
            }
        }
        out += ["", "## Projects", ""]
        for project in plan.projects {
            if let problem = project.problem {
                out.append("- \(m(problem.description))")
                continue
            }
            out.append("### \(m(project.project)) (\(m(project.agency)))")
            out.append("")
            out.append("`\(m(project.path))`: \(project.missing) missing grant\(plural(project.missing)).")
            out.append("")
            guard !project.groups.isEmpty else { continue }
            out.append("| Source agency | Dataset | Status | Reachable |")
            out.append("| --- | --- | --- | --- |")
            for group in project.groups {
                for item in group.items {
                    let status: String
                    switch item.status {
                    case .granted: status = "granted (\(m(item.reference ?? "")))"
                    case .missing: status = "**missing**"
                    case .notNeeded: status = "not needed (\(item.reason ?? ""))"
                    }
                    out.append("| \(m(group.agency)) | \(m(item.dataset)) | \(status) | \(item.reachable ? "yes" : "no") |")
                }
            }
            out.append("")
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// `{"version": 1, "catalogue", "projects": [{path, project, agency, missing, agencies: [{agency,
/// name, grantProcess, datasets: [{dataset, name, status, reason?, reference?, reachable}]}]}],
/// "waits": [{agency, name, grantProcess, projectsWaiting, missingGrants, blockingReachable}]}`.
struct GrantPlanJSON: Encodable {
    struct Process: Encodable {
        var summary: String
        var url: String?
    }

    struct Group: Encodable {
        var agency: String
        var name: String?
        var grantProcess: Process?
        var datasets: [GrantPlan.Item]
    }

    struct Project: Encodable {
        var path: String
        var project: String?
        var agency: String?
        var missing: Int?
        var agencies: [Group]?
        var error: String?
    }

    struct Wait: Encodable {
        var agency: String
        var name: String?
        var grantProcess: Process?
        var projectsWaiting: Int
        var missingGrants: Int
        var blockingReachable: [GrantPlan.Blocked]
    }

    var version = 1
    var catalogue: CatalogueInfo
    var missing: Int
    var projects: [Project]
    var waits: [Wait]

    init(_ plan: GrantPlan) {
        catalogue = plan.catalogue
        missing = plan.missingCount
        func process(_ p: GrantProcess?) -> Process? { p.map { Process(summary: $0.summary, url: $0.url) } }
        projects = plan.projects.map { p in
            if let problem = p.problem { return Project(path: p.path, error: problem.description) }
            return Project(path: p.path, project: p.project, agency: p.agency, missing: p.missing,
                           agencies: p.groups.map { Group(agency: $0.agency, name: $0.name, grantProcess: process($0.process), datasets: $0.items) })
        }
        waits = plan.waits.map {
            Wait(agency: $0.agency, name: $0.name, grantProcess: process($0.process), projectsWaiting: $0.projectsWaiting,
                 missingGrants: $0.missingGrants, blockingReachable: $0.blockingReachable)
        }
    }
}
