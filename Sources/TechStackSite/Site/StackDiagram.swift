import Foundation
import Plot
import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel
import TechStackPortfolio

/// Fill and outline for each funding model, in catalogue order. Light fills with dark text
/// keep every label above 7:1 contrast; the outlines tell the models apart at a glance.
struct FundingPalette {
    struct Swatch { let fill: String; let stroke: String }

    static let swatches: [Swatch] = [
        Swatch(fill: "#dbeafe", stroke: "#1d4ed8"),
        Swatch(fill: "#fef3c7", stroke: "#b45309"),
        Swatch(fill: "#ede9fe", stroke: "#6d28d9"),
        Swatch(fill: "#dcfce7", stroke: "#15803d"),
        Swatch(fill: "#ffe4e6", stroke: "#be123c"),
        Swatch(fill: "#cffafe", stroke: "#0e7490"),
        Swatch(fill: "#f5f5f4", stroke: "#57534e"),
    ]
    static let unknown = Swatch(fill: "#f1f5f9", stroke: "#64748b")

    private let byModel: [String: Swatch]

    init(catalogue: Catalogue) {
        var map: [String: Swatch] = [:]
        for (i, model) in catalogue.fundingModels.enumerated() {
            map[model.header.id] = Self.swatches[i % Self.swatches.count]
        }
        byModel = map
    }

    func swatch(_ model: String) -> Swatch { byModel[model] ?? Self.unknown }
}

/// The stack as an SVG: the layers in `order`, top to bottom, inside the governance frame
/// (the cross-cutting layers, drawn around them), every component in its primary layer and
/// coloured by funding model, with a legend. Every shape links to its entry's page.
struct StackDiagram {
    let context: SiteContext

    private var catalogue: Catalogue { context.catalogue }

    // Geometry, in SVG user units; the viewBox scales it to any width.
    static let width = 1200.0
    static let labelWidth = 220.0
    static let chipHeight = 36.0
    static let gap = 10.0
    static let chipFont = 14.0
    static let maxChipText = 26

    private struct Chip {
        let component: TechStackModel.Component
        let label: String
        let width: Double
        var x = 0.0, y = 0.0
    }

    private struct Band {
        let layer: Layer
        var chips: [Chip]
        var height = 0.0
    }

    func render() -> Body {
        let all = catalogue.layers.sorted { ($0.order, $0.header.id) < ($1.order, $1.header.id) }
        let frames = all.filter(\.crossCutting)
        let inner = all.filter { !$0.crossCutting }

        let outerPad = 16.0
        let frameInset = 18.0
        let frameHeader = 68.0
        // The legend comes first, so it is read before the shapes it explains.
        let (legend, legendHeight) = legendNode(y: outerPad)
        // The frames nest, outermost first; the layer bands sit inside the innermost.
        var nodes: [Node<SVG.Context>] = [legend]
        var y = outerPad + legendHeight + 12
        var x = outerPad
        var w = Self.width - 2 * outerPad

        var frameHeaders: [(Layer, Double, Double, Double, [Chip], Double)] = []
        for frame in frames {
            var chips = chips(in: frame)
            let rowsHeight = flow(&chips, x0: x + Self.labelWidth + 4, x1: x + w - frameInset, y0: y + 16)
            let header = max(frameHeader, rowsHeight + 28)
            frameHeaders.append((frame, x, y, w, chips, header))
            y += header
            x += frameInset
            w -= 2 * frameInset
        }

        var bands: [(Band, Double)] = []
        for layer in inner {
            var band = Band(layer: layer, chips: chips(in: layer))
            let rowsHeight = flow(&band.chips, x0: x + Self.labelWidth, x1: x + w - 16, y0: y + 16)
            band.height = max(84, rowsHeight + 32)
            bands.append((band, y))
            y += band.height + 10
        }
        if !bands.isEmpty { y -= 10 }

        // Close the frames from the inside out.
        var frameBottoms: [Double] = []
        var bottom = y
        for _ in frameHeaders.reversed() {
            bottom += frameInset
            frameBottoms.insert(bottom, at: 0)
        }
        for (i, f) in frameHeaders.enumerated() {
            nodes.append(frameNode(f.0, x: f.1, y: f.2, width: f.3, height: frameBottoms[i] - f.2, header: f.5, chips: f.4))
        }
        for (band, top) in bands {
            nodes.append(bandNode(band, x: x, y: top, width: w))
        }

        let height = (frameBottoms.first ?? y) + outerPad

        let layerNames = inner.map(\.header.name).joined(separator: ", ")
        let frameNames = frames.map(\.header.name).joined(separator: " and ")
        let description = "\(inner.count) layers from top to bottom: \(layerNames)"
            + (frames.isEmpty ? "" : ", inside the \(frameNames)")
            + ". \(catalogue.components.count) components, each in its primary layer and coloured by its funding model; each links to its page."
        return .svg(
            .attribute("xmlns", "http://www.w3.org/2000/svg"),
            .class("stack-diagram"),
            .viewBox(Self.width, height),
            .role("group"),
            .ariaLabelledBy("stack-title"),
            .attribute("aria-describedby", "stack-desc"),
            .title("\(catalogue.info.name): the stack", id: "stack-title"),
            .desc(description, id: "stack-desc"),
            .group(nodes)
        )
    }

    /// Components whose primary layer is `layer`, in catalogue order.
    private func chips(in layer: Layer) -> [Chip] {
        catalogue.components.filter { $0.layers.first?.value == layer.header.id }.map { c in
            let label = Self.label(c.header.name)
            let hybrid = c.layers.count > 1
            let width = Self.textWidth(label, size: Self.chipFont) + 30 + (hybrid ? 18 : 0)
            return Chip(component: c, label: label, width: max(72, width.rounded(.up)))
        }
    }

    /// Places chips in rows between x0 and x1 from y0; returns the height the rows take.
    private func flow(_ chips: inout [Chip], x0: Double, x1: Double, y0: Double) -> Double {
        var x = x0, y = y0
        for i in chips.indices {
            if x > x0, x + chips[i].width > x1 {
                x = x0
                y += Self.chipHeight + Self.gap
            }
            chips[i].x = x
            chips[i].y = y
            x += chips[i].width + Self.gap
        }
        return chips.isEmpty ? 0 : y + Self.chipHeight - y0
    }

    private func frameNode(_ layer: Layer, x: Double, y: Double, width: Double, height: Double, header: Double, chips: [Chip]) -> Node<SVG.Context> {
        let link = layerLink(layer, x: x + 22, y: y + 30, titleColour: "#ffffff", subColour: "#cbd5e1",
                             sub: "Around every layer")
        return .g(
            .class("frame"),
            rect(x: x, y: y, width: width, height: height, rx: 16, fill: "#1e3a5f", stroke: "#0f2744", strokeWidth: 1),
            link,
            .group(chips.map(chipNode))
        )
    }

    private func bandNode(_ band: Band, x: Double, y: Double, width: Double) -> Node<SVG.Context> {
        let concerns = catalogue.concerns.filter { $0.layer.value == band.layer.header.id }.count
        let components = catalogue.components.filter { $0.layers.contains { $0.value == band.layer.header.id } }.count
        let sub = "\(components) component\(components == 1 ? "" : "s") · \(concerns) concern\(concerns == 1 ? "" : "s")"
        return .g(
            .class("layer"),
            rect(x: x, y: y, width: width, height: band.height, rx: 10, fill: "#f8fafc", stroke: "#cbd5e1", strokeWidth: 1),
            layerLink(band.layer, x: x + 18, y: y + 30, titleColour: "#0f172a", subColour: "#475569", sub: sub),
            band.chips.isEmpty
                ? text("No components", x: x + Self.labelWidth, y: y + 38, size: 13, colour: "#475569", extra: [.attribute("font-style", "italic")])
                : .group(band.chips.map(chipNode))
        )
    }

    private func layerLink(_ layer: Layer, x: Double, y: Double, titleColour: String, subColour: String, sub: String) -> Node<SVG.Context> {
        let lines = Self.wrap(layer.header.name, width: 22).prefix(2)
        var nodes: [Node<SVG.Context>] = [.title("\(layer.header.name): layer page")]
        for (i, line) in lines.enumerated() {
            nodes.append(text(line, x: x, y: y + Double(i) * 20, size: 17, colour: titleColour, extra: [.attribute("font-weight", "700")]))
        }
        nodes.append(text(sub, x: x, y: y + Double(lines.count) * 20 + 2, size: 12.5, colour: subColour))
        return .a(.href(href(layer.header.id)), .class("layer-link"), .group(nodes))
    }

    private func chipNode(_ chip: Chip) -> Node<SVG.Context> {
        let c = chip.component
        let model = c.funding.value
        let swatch = context.palette.swatch(model)
        let hybrid = c.layers.count > 1
        let inactive = c.status != .active
        var title = "\(c.header.name): component in \(catalogue.name(of: c.layers.first?.value ?? ""))"
        if hybrid {
            title += ", also in " + c.layers.dropFirst().map { catalogue.name(of: $0.value) }.joined(separator: ", ") + " (hybrid)"
        }
        title += "; funding: \(catalogue.name(of: model))"
        if inactive { title += "; \(c.status.rawValue)" }
        var shape: [Node<SVG.Context>] = [
            .title(title),
            rect(x: chip.x, y: chip.y, width: chip.width, height: Self.chipHeight, rx: 8, fill: swatch.fill,
                 stroke: swatch.stroke, strokeWidth: 1.5, extra: hybrid ? [.attribute("stroke-dasharray", "5 3")] : [], classes: "chip"),
            text(chip.label, x: chip.x + 15, y: chip.y + 23.5, size: Self.chipFont, colour: "#0f172a",
                 extra: inactive ? [.attribute("text-decoration", "line-through")] : []),
        ]
        if hybrid {
            shape.append(diamond(cx: chip.x + chip.width - 15, cy: chip.y + Self.chipHeight / 2, colour: swatch.stroke))
        }
        return .a(.href(href(c.header.id)), .class(inactive ? "chip-link inactive" : "chip-link"), .group(shape))
    }

    /// The legend: one swatch per funding model (each a link), then the hybrid and status marks.
    private func legendNode(y: Double) -> (Node<SVG.Context>, Double) {
        var nodes: [Node<SVG.Context>] = [text("Funding model", x: 18, y: y + 16, size: 14, colour: "#0f172a", extra: [.attribute("font-weight", "700")])]
        var x = 150.0, rowY = y
        let x1 = Self.width - 16
        func place(_ width: Double) -> (Double, Double) {
            if x + width > x1 {
                x = 150
                rowY += 30
            }
            defer { x += width + 18 }
            return (x, rowY)
        }
        for model in catalogue.fundingModels {
            let swatch = context.palette.swatch(model.header.id)
            let name = Self.shorten(model.header.name, to: 34)
            let (lx, ly) = place(30 + Self.textWidth(name, size: 13))
            nodes.append(.a(
                .href(href(model.header.id)), .class("legend-link"),
                .title("\(model.header.name): funding model page"),
                rect(x: lx, y: ly, width: 22, height: 22, rx: 5, fill: swatch.fill, stroke: swatch.stroke, strokeWidth: 1.5),
                text(name, x: lx + 30, y: ly + 16, size: 13, colour: "#0f172a")
            ))
        }
        let (hx, hy) = place(30 + Self.textWidth("Hybrid: also in another layer", size: 13))
        nodes.append(.g(
            rect(x: hx, y: hy, width: 22, height: 22, rx: 5, fill: "#ffffff", stroke: "#334155", strokeWidth: 1.5, extra: [.attribute("stroke-dasharray", "5 3")]),
            diamond(cx: hx + 11, cy: hy + 11, colour: "#334155"),
            text("Hybrid: also in another layer", x: hx + 30, y: hy + 16, size: 13, colour: "#0f172a")
        ))
        let (sx, sy) = place(46 + Self.textWidth("deprecated or retired", size: 13))
        nodes.append(.g(
            text("Name", x: sx, y: sy + 16, size: 13, colour: "#0f172a", extra: [.attribute("text-decoration", "line-through")]),
            text("deprecated or retired", x: sx + 46, y: sy + 16, size: 13, colour: "#0f172a")
        ))
        return (.g(.class("legend"), .group(nodes)), rowY - y + 24)
    }

    private func href(_ id: String) -> String {
        context.path(of: id).map { context.root + $0.description } ?? "#"
    }

    // MARK: shapes

    private func rect(x: Double, y: Double, width: Double, height: Double, rx: Double, fill: String, stroke: String,
                      strokeWidth: Double, extra: [Node<SVG.Context>] = [], classes: String? = nil) -> Node<SVG.Context> {
        .rect(.x(x), .y(y), .width(width), .height(height), .rx(rx), .fill(fill), .stroke(stroke), .strokeWidth(strokeWidth),
              .unwrap(classes) { .class($0) }, .group(extra))
    }

    private func text(_ content: String, x: Double, y: Double, size: Double, colour: String, extra: [Node<SVG.Context>] = []) -> Node<SVG.Context> {
        .label(.x(x), .y(y), .fontSize(size), .fill(colour), .group(extra), .plain(content))
    }

    private func diamond(cx: Double, cy: Double, colour: String) -> Node<SVG.Context> {
        let r = 5.5
        return .polygon(.points([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]), .fill(colour), .attribute("aria-hidden", "true"))
    }

    /// A chip's label: the name without its parenthesised expansion ("APEX (API Exchange)"
    /// shows as "APEX"), shortened when still long. The full name is in the chip's title.
    static func label(_ name: String) -> String {
        if let open = name.range(of: " ("), !name[..<open.lowerBound].isEmpty {
            return shorten(String(name[..<open.lowerBound]), to: maxChipText)
        }
        return shorten(name, to: maxChipText)
    }

    /// A generous estimate of rendered width in a sans-serif font, so labels fit their shapes.
    static func textWidth(_ text: String, size: Double) -> Double {
        let em = text.unicodeScalars.reduce(0.0) { sum, c in
            switch c {
            case " ", ".", ",", ":", ";", "'", "|", "!", "i", "l", "j", "I", "f", "t", "(", ")": sum + 0.36
            case "m", "w", "M", "W": sum + 0.92
            case "A"..."Z": sum + 0.72
            default: sum + 0.62
            }
        }
        return (em * size).rounded(.up)
    }

    static func shorten(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Greedy word wrap for labels.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { shorten($0, to: width + 4) }
    }
}
