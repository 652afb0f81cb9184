import Plot
import TechStackModel

/// Inline SVG in Plot's typed style: the elements and attributes the charts and the stack
/// diagram draw with. Every attribute value is escaped and every number written the same way,
/// so input in a tooltip, label or id stays text.
package enum SVG {
    /// What may appear inside an `<svg>`.
    package enum Context {}

    /// A coordinate: at most one decimal, no trailing `.0`.
    package static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 && tenths % 10 != 0 && tenths / 10 == 0 ? "-" : ""
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(sign)\(tenths / 10).\(abs(tenths % 10))"
    }
}

extension Node where Context: HTML.BodyContext {
    package static func svg(_ nodes: Node<SVG.Context>...) -> Node { .element(named: "svg", nodes: nodes) }
}

extension Node where Context == SVG.Context {
    // MARK: elements

    package static func g(_ nodes: Node...) -> Node { .element(named: "g", nodes: nodes) }
    package static func a(_ nodes: Node...) -> Node { .element(named: "a", nodes: nodes) }
    package static func rect(_ nodes: Node...) -> Node { .element(named: "rect", nodes: nodes) }
    package static func line(_ nodes: Node...) -> Node { .element(named: "line", nodes: nodes) }
    package static func circle(_ nodes: Node...) -> Node { .element(named: "circle", nodes: nodes) }
    package static func path(_ nodes: Node...) -> Node { .element(named: "path", nodes: nodes) }
    package static func polyline(_ nodes: Node...) -> Node { .element(named: "polyline", nodes: nodes) }
    package static func polygon(_ nodes: Node...) -> Node { .element(named: "polygon", nodes: nodes) }
    /// The `<text>` element (`.text` is Plot's text node).
    package static func label(_ nodes: Node...) -> Node { .element(named: "text", nodes: nodes) }
    /// A tooltip and accessible name, shown exactly as written.
    package static func title(_ text: String, id: String? = nil) -> Node {
        .element(named: "title", nodes: [.unwrap(id) { .id($0) }, .plain(text)])
    }
    package static func desc(_ text: String, id: String? = nil) -> Node {
        .element(named: "desc", nodes: [.unwrap(id) { .id($0) }, .plain(text)])
    }

    // MARK: attributes

    package static func attribute(_ name: String, _ value: String) -> Node {
        .attribute(named: name, value: Escape.html(value), ignoreIfValueIsEmpty: false)
    }
    package static func attribute(_ name: String, _ value: Double) -> Node { .attribute(named: name, value: SVG.number(value)) }

    package static func id(_ id: String) -> Node { .attribute("id", id) }
    package static func `class`(_ names: String) -> Node { .attribute("class", names) }
    package static func href(_ url: String) -> Node { .attribute("href", url) }
    package static func x(_ value: Double) -> Node { .attribute("x", value) }
    package static func y(_ value: Double) -> Node { .attribute("y", value) }
    package static func width(_ value: Double) -> Node { .attribute("width", value) }
    package static func height(_ value: Double) -> Node { .attribute("height", value) }
    package static func rx(_ value: Double) -> Node { .attribute("rx", value) }
    package static func r(_ value: Double) -> Node { .attribute("r", value) }
    package static func cx(_ value: Double) -> Node { .attribute("cx", value) }
    package static func cy(_ value: Double) -> Node { .attribute("cy", value) }
    /// `x1`, `y1`, `x2`, `y2` of a line.
    package static func from(_ x: Double, _ y: Double, to x2: Double, _ y2: Double) -> Node {
        .group([.attribute("x1", x), .attribute("y1", y), .attribute("x2", x2), .attribute("y2", y2)])
    }
    package static func points(_ points: [(Double, Double)]) -> Node {
        .attribute("points", points.map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: " "))
    }
    package static func viewBox(_ width: Double, _ height: Double) -> Node {
        .attribute("viewBox", "0 0 \(SVG.number(width)) \(SVG.number(height))")
    }
    package static func d(_ path: String) -> Node { .attribute("d", path) }
    package static func fill(_ colour: String) -> Node { .attribute("fill", colour) }
    package static func stroke(_ colour: String) -> Node { .attribute("stroke", colour) }
    package static func strokeWidth(_ value: Double) -> Node { .attribute("stroke-width", value) }
    package static func fontSize(_ value: Double) -> Node { .attribute("font-size", value) }
    package static func textAnchor(_ anchor: String) -> Node { .attribute("text-anchor", anchor) }
    package static func role(_ role: String) -> Node { .attribute("role", role) }
    package static func ariaLabelledBy(_ id: String) -> Node { .attribute("aria-labelledby", id) }
}
