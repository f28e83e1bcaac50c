import Foundation
public import Hummingbird

/// Reading `application/x-www-form-urlencoded` posts (the only kind the pages send).
enum Forms {
    /// Every field of the posted form, in order; a field may repeat (check boxes).
    static func fields(_ request: Request) async throws -> [String: [String]] {
        var request = request
        let buffer = try await request.collectBody(upTo: 64 * 1024)
        var fields: [String: [String]] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            guard let key = parts.first else { continue }
            fields[key, default: []].append(parts.count > 1 ? parts[1] : "")
        }
        return fields
    }
}

extension Dictionary where Key == String, Value == [String] {
    /// The first value of a field, trimmed; nil when absent or empty.
    func value(_ name: String) -> String? {
        guard let text = self[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
