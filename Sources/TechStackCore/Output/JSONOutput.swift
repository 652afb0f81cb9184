import Foundation

public enum JSONOutput {
    /// Pretty, stable JSON (keys sorted) that ends with a newline.
    public static func encode<T: Encodable>(_ value: T) -> String {
        guard let data = try? encoder().encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The encoder behind `encode`, for output written in parts.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
