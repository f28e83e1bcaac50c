import Statuut

/// JSON bodies in the same canonical encoding as the rest of Buurtstem.
enum JSONText {
    static func object(_ members: [String: JSONValue]) -> String { JSONValue.object(members).encoded(pretty: false) }
}
