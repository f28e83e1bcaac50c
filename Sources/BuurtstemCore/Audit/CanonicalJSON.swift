/// Writing canonical JSON straight into bytes, for the hot paths of the audit log (a million
/// entries in an import). Produces exactly what `JSONValue.encoded(pretty: false)` produces.
public enum CanonicalJSON {
    /// Appends `value` as a JSON string (quoted, escaped).
    @inlinable
    public static func appendString<C: Collection>(_ value: C, to out: inout [UInt8]) where C.Element == UInt8 {
        out.append(UInt8(ascii: "\""))
        for byte in value {
            switch byte {
            case UInt8(ascii: "\""):
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "\\"))
            case 0x0A:
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "n"))
            case 0x0D:
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "r"))
            case 0x09:
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: Array("\\u00".utf8))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends a whole number.
    @inlinable
    public static func appendInt(_ value: Int, to out: inout [UInt8]) {
        if value == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var n = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while n > 0 {
                buffer[count] = UInt8(48 + n % 10)
                n /= 10
                count += 1
            }
            if value < 0 { out.append(UInt8(ascii: "-")) }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }

    /// `{"action":…,"actor":…,"at":…,"payload":…,"seq":…}`: an audit entry's canonical bytes.
    @inlinable
    public static func appendEntry<A: Collection, B: Collection, C: Collection, D: Collection>(
        seq: Int, at: A, actor: B, action: C, payload: D, to out: inout [UInt8]
    ) where A.Element == UInt8, B.Element == UInt8, C.Element == UInt8, D.Element == UInt8 {
        out.append(contentsOf: #"{"action":"#.utf8)
        appendString(action, to: &out)
        out.append(contentsOf: #","actor":"#.utf8)
        appendString(actor, to: &out)
        out.append(contentsOf: #","at":"#.utf8)
        appendString(at, to: &out)
        out.append(contentsOf: #","payload":"#.utf8)
        out.append(contentsOf: payload)
        out.append(contentsOf: #","seq":"#.utf8)
        appendInt(seq, to: &out)
        out.append(UInt8(ascii: "}"))
    }
}
