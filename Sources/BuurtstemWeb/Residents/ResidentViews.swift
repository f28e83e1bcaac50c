import BuurtstemCore
import Foundation
import Statuut

// What the resident's pages post and show, as types: the forms as `URLEncodedFormDecoder` reads
// them, the pages as the templates name them.

/// The code from the letter.
struct CodeForm: Decodable {
    var code: String?
}

/// A choice on a ballot: `choice` (yes/no, one option), `option[]` (ticked options), `rank[id]`
/// (a place per option); `action=total` asks for the running total of a budget.
struct ChoiceForm: Decodable {
    var choice: String?
    var option: [String]?
    var rank: [String: String]?
    var action: String?

    /// The places chosen per option (options left at "–" are left out).
    var places: [String: Int] { (rank ?? [:]).compactMapValues { Int($0.trimmingCharacters(in: .whitespaces)) } }

    /// Options given a place another option has too.
    var samePlace: Set<String> {
        let counts = Dictionary(grouping: places.values) { $0 }.mapValues(\.count)
        return Set(places.filter { counts[$0.value, default: 0] > 1 }.keys)
    }
}

/// The first page: where the code goes, why the last one was not accepted, and what was typed.
struct CodeFormView {
    var error: BothLanguages?
    var signedOut = false
    /// The code as typed, kept after a typo so it can be corrected rather than typed again.
    var code: String?
}

/// The open ballots of the voter's assembly.
struct BallotsView {
    struct Item {
        var id: BallotID
        var title: String
        /// Opened before this code was handed out: another code of this member may have voted.
        var tooNew: Bool
        var voted = false
        var changeable = false
    }
    var ballots: [Item]
    /// Stored, not computed: a template reads stored properties only.
    var hasBallots: Bool

    init(ballots: [Item]) {
        self.ballots = ballots
        hasBallots = !ballots.isEmpty
    }
}

/// A ballot's page: the proposal in full, then the choice its method asks for.
struct BallotFormView {
    struct YesNo {
        var value: String
        var text: BothLanguages
    }
    struct Option {
        var id: String
        var name: String
        /// What the option is, shown under its name (tied to its control).
        var description: String?
    }
    struct Approvable {
        var id: String
        var name: String
        var checked: Bool
        var cost: String?
        var description: String?
    }
    struct Budget {
        var total: BothLanguages
        var hint: BothLanguages
    }
    struct Ranking {
        struct Position {
            var value: Int
            var selected: Bool
        }
        struct Row {
            var id: String
            var name: String
            var description: String?
            var positions: [Position]
            /// Given a place another option has too: marked, with the error tied to it.
            var wrong: Bool
            /// The error (when wrong) and the description the control is described by.
            var describedBy: String?
        }
        var options: [Row]
    }

    var id: BallotID
    var title: String
    var voted: Bool
    var paragraphs: [String]
    var error: BothLanguages?
    var changeNotice: BothLanguages?
    var yesNo: [YesNo]?
    var single: [Option]?
    var approve: [Approvable]?
    var budget: Budget?
    var approvalHint: BothLanguages?
    var ranked: Ranking?
}

/// A choice as the voter reads it: a word (yes, no, blank), or the options by name, numbered
/// where the order is the vote; for a budget the sum against the budget.
struct ShownChoice {
    var word: BothLanguages?
    var items: [String] = []
    var ranked = false
    var list = false
    var total: BothLanguages?
}

/// The check before the vote is cast.
struct ConfirmView {
    var id: BallotID
    /// The choice as the store reads it, posted on by the button.
    var choice: String
    var shown: ShownChoice
    var subject: BothLanguages
}

/// The receipt after a vote.
struct ReceiptView {
    var replacing: Bool
    var shown: ShownChoice
    var receipt: String
}

/// One message to a voter, with the way back to the ballots.
struct VoterMessageView {
    var message: BothLanguages
    var `class`: String
    var back: Bool
}

/// A closed ballot's public board: every receipt, and apart from them every choice.
struct PublicBoardView {
    var heading: BothLanguages
    var receiptsHeading: BothLanguages
    var choicesHeading: BothLanguages
    var receipts: [String]
    var choices: [String]
}
