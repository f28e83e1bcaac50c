/// A JSON value with a deterministic encoding (keys sorted, no insignificant white space
/// beyond what `pretty` adds), so that machine-readable output is stable for golden tests.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The encoded text; `pretty` indents with two spaces.
    public func encoded(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, pretty: pretty, level: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, level: Int) {
        let newline = pretty ? "\n" : ""
        let indent = pretty ? String(repeating: "  ", count: level + 1) : ""
        let closing = pretty ? String(repeating: "  ", count: level) : ""
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .string(let s): out += Self.quote(s)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "[" + newline
            for (index, item) in items.enumerated() {
                out += indent
                item.write(into: &out, pretty: pretty, level: level + 1)
                out += (index < items.count - 1 ? "," : "") + newline
            }
            out += closing + "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{" + newline
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                out += indent + Self.quote(key) + (pretty ? ": " : ":")
                members[key]!.write(into: &out, pretty: pretty, level: level + 1)
                out += (index < keys.count - 1 ? "," : "") + newline
            }
            out += closing + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
