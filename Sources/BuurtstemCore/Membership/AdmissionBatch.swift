public import Statuut

/// A batch of applications or admission decisions typed in by the board (one line each,
/// separated by `;`), read all or nothing: a line that cannot be read is refused with its number.
///
/// Applications: `id;aanvraagdatum[;intakedatum[;profiel ja|nee]]`.
/// Decisions: `id;toelaten|weigeren[;reden[;intakedatum[;profiel ja|nee]]]` (a refusal needs its reason).
/// A first line that starts with `id` is a header; empty lines and lines starting with `#` are skipped.
public enum AdmissionBatch {
    public struct Application: Sendable, Hashable {
        public var line: Int
        public var resident: ResidentID
        public var appliedOn: CivilDate
        public var intakeOn: CivilDate?
        public var meetsProfile: Bool
    }

    public struct Decision: Sendable, Hashable {
        public var line: Int
        public var resident: ResidentID
        public var verdict: AdmissionVerdict
    }

    /// A line that cannot be read, and why.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static func applications(_ text: String) throws(Problem) -> [Application] {
        var result: [Application] = []
        for (number, fields) in lines(text) {
            guard fields.count >= 2, fields.count <= 4 else {
                throw Problem(
                    line: number, message: "expected `id;aanvraagdatum[;intakedatum[;profiel]]`, found \(fields.count) field\(fields.count == 1 ? "" : "s")")
            }
            result.append(
                Application(
                    line: number, resident: try resident(fields[0], number), appliedOn: try date(fields[1], number, "aanvraagdatum"),
                    intakeOn: try optionalDate(fields, 2, number), meetsProfile: try profile(fields, 3, number)))
        }
        return result
    }

    public static func decisions(_ text: String) throws(Problem) -> [Decision] {
        var result: [Decision] = []
        for (number, fields) in lines(text) {
            guard fields.count >= 2, fields.count <= 5 else {
                throw Problem(
                    line: number,
                    message: "expected `id;toelaten|weigeren[;reden[;intakedatum[;profiel]]]`, found \(fields.count) field\(fields.count == 1 ? "" : "s")")
            }
            let verdict: AdmissionVerdict
            switch fields[1].lowercased() {
            case "toelaten", "toegelaten", "admit", "admitted", "grant", "granted":
                verdict = .grant(intakeOn: try optionalDate(fields, 3, number), meetsProfile: try profile(fields, 4, number))
            case "weigeren", "geweigerd", "refuse", "refused":
                let reason = fields.count > 2 ? fields[2] : ""
                guard !reason.isEmpty else { throw Problem(line: number, message: "a refusal states its reason in the third field") }
                verdict = .refuse(reason: reason)
            default:
                throw Problem(line: number, message: "the decision is `toelaten` or `weigeren` (admit or refuse), not `\(fields[1])`")
            }
            result.append(Decision(line: number, resident: try resident(fields[0], number), verdict: verdict))
        }
        return result
    }

    static func lines(_ text: String) -> [(Int, [String])] {
        var out: [(Int, [String])] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = trimmed(Substring(raw.filter { $0 != "\r" }))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map { trimmed($0) }
            if out.isEmpty, fields.first?.lowercased() == "id" { continue }
            out.append((index + 1, fields))
        }
        return out
    }

    /// The text without white space at either end (the core does not import Foundation for it).
    static func trimmed(_ s: Substring) -> String {
        String(s.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    static func resident(_ field: String, _ line: Int) throws(Problem) -> ResidentID {
        guard !field.isEmpty else { throw Problem(line: line, message: "the first field is the resident's id, and it is empty") }
        return ResidentID(field)
    }

    static func date(_ field: String, _ line: Int, _ what: String) throws(Problem) -> CivilDate {
        guard let date = CivilDate(iso: field) else { throw Problem(line: line, message: "\(what) `\(field)` is not a date (YYYY-MM-DD)") }
        return date
    }

    static func optionalDate(_ fields: [String], _ index: Int, _ line: Int) throws(Problem) -> CivilDate? {
        guard fields.count > index, !fields[index].isEmpty else { return nil }
        return try date(fields[index], line, "intakedatum")
    }

    static func profile(_ fields: [String], _ index: Int, _ line: Int) throws(Problem) -> Bool {
        guard fields.count > index, !fields[index].isEmpty else { return false }
        switch fields[index].lowercased() {
        case "ja", "yes", "j", "y": return true
        case "nee", "no", "n": return false
        default: throw Problem(line: line, message: "profiel is `ja` or `nee`, not `\(fields[index])`")
        }
    }
}
