import Foundation
public import Hummingbird

/// Reading `application/x-www-form-urlencoded` posts (the only kind the pages send) into
/// `Decodable` types with Hummingbird's `URLEncodedFormDecoder`. A field that repeats is named
/// `name[]` (check boxes), a field per option `name[id]` (a ranking).
enum Forms {
    /// The posted form as text (at most 64 KiB).
    static func text(_ request: Request) async throws -> String {
        var request = request
        return String(buffer: try await request.collectBody(upTo: 64 * 1024))
    }

    /// The posted form as `Form`.
    static func read<Form: Decodable>(_ type: Form.Type, from request: Request) async throws -> Form {
        try decode(type, from: try await text(request))
    }

    /// `text` as `Form`; a form that is not one of ours (a field twice where one is meant, a number
    /// that is not one) is a 400 that says which field.
    static func decode<Form: Decodable>(_ type: Form.Type, from text: String) throws -> Form {
        do { return try URLEncodedFormDecoder().decode(type, from: text) } catch {
            throw HTTPError(
                .badRequest,
                message: "Dit formulier kan niet worden gelezen (\(Self.field(of: error))). / This form cannot be read (\(Self.field(of: error))).")
        }
    }

    /// The field a decoding error is about, in a few words.
    private static func field(of error: any Error) -> String {
        switch error {
        case let error as URLEncodedFormError: return error.description
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            return context.codingPath.map(\.stringValue).joined(separator: ".")
        case DecodingError.keyNotFound(let key, _): return key.stringValue
        default: return "\(error)"
        }
    }
}

extension Optional where Wrapped == String {
    /// The text as typed, trimmed; nil when absent or empty.
    var filled: String? {
        guard let text = self?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
