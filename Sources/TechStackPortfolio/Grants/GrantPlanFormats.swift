import Foundation
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel

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
    /// Everything interpolated from input is sanitised by `StyledText`; colour is rendered last.
    static func generate(_ plan: GrantPlan, style: Style) -> String {
        var out: [StyledText] = [style.bold("Grant plan") + " · \(plan.catalogue.name) \(plan.catalogue.version)"]
        func process(_ p: GrantProcess) -> StyledText {
            "grant process: \(Linter.clause(p.summary))\(p.url.map { " — \($0)" } ?? "")"
        }
        for project in plan.projects {
            out.append(StyledText())
            if let problem = project.problem {
                out.append(style.red(problem.description))
                continue
            }
            let missing = project.missing
            let verdict = missing == 0 ? style.green("no grant missing") : style.red("\(missing) grant\(plural(missing)) missing")
            out.append("\(style.bold(project.path)) · \(project.project) (\(project.agency)) · \(verdict)")
            if project.groups.isEmpty { out.append("  consumes no catalogue dataset") }
            for group in project.groups {
                out.append("  from \(style.bold(group.agency))\(group.name.map { " (\($0))" } ?? "")")
                for item in group.items {
                    let status: StyledText
                    switch item.status {
                    case .granted: status = style.green("granted") + " \(item.reference ?? "")"
                    case .missing: status = style.red("missing") + StyledText(item.reachable ? " (the data is otherwise reachable)" : "")
                    case .notNeeded: status = style.dim("not needed") + " (\(item.reason ?? ""))"
                    }
                    out.append("    \(item.dataset): \(status)")
                }
                if group.items.contains(where: { $0.status == .missing }), let p = group.process {
                    out.append("    " + process(p))
                }
            }
        }
        out.append(StyledText())
        out.append(style.bold("Projects waiting per agency"))
        if plan.waits.isEmpty { out.append("  No project needs a grant from another agency.") }
        for wait in plan.waits {
            out.append("  \(style.bold(wait.agency))\(wait.name.map { " (\($0))" } ?? ""): \(wait.projectsWaiting) project\(plural(wait.projectsWaiting)) waiting, \(wait.missingGrants) missing grant\(plural(wait.missingGrants))")
            if !wait.blockingReachable.isEmpty {
                out.append("    blocks reachable data: \(wait.blockingReachable.map { "\($0.dataset) for \($0.path)" }.joined(separator: ", "))")
            }
            if wait.missingGrants > 0, let p = wait.process {
                out.append("    " + process(p))
            }
        }
        out.append(StyledText())
        let read = plan.projects.count - plan.errorCount
        var total: StyledText = "\(plan.missingCount) missing grant\(plural(plan.missingCount)) in \(read) project\(plural(read))"
        if plan.errorCount > 0 { total += style.red(", \(plan.errorCount) manifest\(plural(plan.errorCount)) could not be read") }
        out.append(total)
        return style.render(out.joined(separator: "\n")) + "\n"
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
