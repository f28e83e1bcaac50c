import Foundation
public import Statuut

/// One vote's choice, read once from what the voter wrote and typed from then on: the vote path
/// stores `stored`, the count, the public board, the receipt page and the recount read it back
/// with `init(stored:method:)`.
public enum Choice: Sendable, Hashable, CustomStringConvertible {
    case yes
    case no
    case blank
    /// Options by id: the one chosen (single choice), the ones approved (approval, budgets), or a
    /// ranking, best first. No option is a blank vote on such a ballot.
    case options([String])

    /// Reads what a voter wrote — a form, the API, a paper slip typed in at the count — for a
    /// ballot counted by `method` with `options`: yes/no/blank in Dutch or English (voor, tegen,
    /// blanco, ja, nee, onthouding) on a yes/no ballot; option ids separated by commas otherwise.
    public init(_ text: String, method: TallyMethod, options: [BallotOption]) throws(Refusal) {
        let trimmed = text.trimmingCharacters(in: " \t")
        if method == .yesNo {
            switch trimmed.lowercased() {
            case "yes", "voor", "ja": self = .yes
            case "no", "tegen", "nee": self = .no
            case "blank", "blanco", "", "abstain", "onthouding": self = .blank
            default:
                throw Self.refusal(
                    nl: "`\(text)` is geen stem voor of tegen: kies voor, tegen of blanco (yes, no, blank)",
                    en: "`\(text)` is not a yes/no vote: use yes, no or blank (voor, tegen, blanco)")
            }
            return
        }
        let ids = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: " \t") }.filter { !$0.isEmpty }
        let known = Set(options.map(\.id))
        let list = options.map(\.id).joined(separator: ", ")
        for id in ids where !known.contains(id) {
            throw Self.refusal(
                nl: "`\(id)` staat niet op dit stembiljet; de keuzes zijn \(list)", en: "`\(id)` is not an option of this ballot; the options are \(list)")
        }
        guard Set(ids).count == ids.count else {
            throw Self.refusal(nl: "een keuze staat twee keer in `\(text)`", en: "an option appears twice in `\(text)`")
        }
        if method == .plurality, ids.count > 1 {
            throw Self.refusal(
                nl: "bij deze stemming kiest u één keuze, niet \(ids.count)", en: "a single-choice vote names one option, not \(ids.count)")
        }
        self = .options(ids)
    }

    /// A choice as stored (checked when it was cast), for a ballot counted by `method`.
    public init(stored: String, method: TallyMethod) {
        if method == .yesNo {
            self = stored == "yes" ? .yes : stored == "no" ? .no : .blank
        } else {
            self = .options(stored.split(separator: ",").map(String.init))
        }
    }

    /// The stored form: `yes`, `no`, `blank`, or option ids joined by commas (empty: blank).
    public var stored: String {
        switch self {
        case .yes: "yes"
        case .no: "no"
        case .blank: "blank"
        case .options(let ids): ids.joined(separator: ",")
        }
    }

    public var description: String { stored }

    /// The options chosen, in the voter's order (none for a yes/no choice or a blank vote).
    public var optionIDs: [String] {
        if case .options(let ids) = self { return ids }
        return []
    }

    /// A vote that does not fit the ballot (a counting error, not a rule of the statute).
    static func refusal(nl: String, en: String) -> Refusal {
        Refusal(nl: nl, en: en, source: .legalDefault(LegalDefaults.method))
    }
}
