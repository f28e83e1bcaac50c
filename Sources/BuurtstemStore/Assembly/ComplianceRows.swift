import BuurtstemCore
import GRDB
import Statuut

/// A row of `annual_accounts`: the year's accounts presented to the assembly.
struct AnnualAccountsRow: StoredRow, PersistableRecord {
    static let databaseTableName = "annual_accounts"
    var year: Int
    var presentedOn: CivilDate
    /// When it was recorded (the clock's instant, as text).
    var recordedAt: String

    var fact: ComplianceFacts.AccountsFact { ComplianceFacts.AccountsFact(year: year, presentedOn: presentedOn) }
}

/// A row of `organisation_confirmation`: an affiliated organisation's yearly confirmation.
struct OrganisationConfirmationRow: StoredRow {
    static let databaseTableName = "organisation_confirmation"
    var id: Int?
    var organisation: String
    var year: Int
    var onDate: CivilDate
    var text: String

    var confirmation: ComplianceFacts.Confirmation {
        ComplianceFacts.Confirmation(organisation: organisation, year: year, on: onDate, text: text)
    }
}

/// A row of `outside_decision`: a decision the members took in writing, outside a meeting.
struct OutsideDecisionRow: StoredRow {
    static let databaseTableName = "outside_decision"
    var id: Int?
    var title: String
    var text: String
    var kind: String
    var decidedOn: CivilDate
    var members: Int
    var yes: Int
    var no: Int
    var blank: Int
    var outcome: DecisionOutcome.Result

    mutating func didInsert(_ inserted: InsertionSuccess) { id = Int(inserted.rowID) }

    var fact: ComplianceFacts.OutsideDecision {
        ComplianceFacts.OutsideDecision(
            title: title, kind: kind, on: decidedOn, members: members, count: YesNoCount(yes: yes, no: no, blank: blank), outcome: outcome.rawValue)
    }
}

/// A row of `outside_decision_voter`: a member whose written vote is kept for a decision outside a meeting.
struct OutsideDecisionVoterRow: StoredRow, PersistableRecord {
    static let databaseTableName = "outside_decision_voter"
    var decisionId: Int
    var residentId: ResidentID
}
