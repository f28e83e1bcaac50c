import BuurtstemCore
import GRDB
import Statuut

/// A row of `proposal`, read and written as a record; its supporters are rows of
/// `proposal_supporter` (`ProposalSupporterRow`).
struct ProposalRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "proposal"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Who proposes, as stored: the board, members (with supporters), or a named party.
    enum SourceKind: String, Codable, DatabaseValueConvertible { case board, members, party }
    /// A proposal's state as stored; a refusal keeps its reason in `refusal` (English) and `refusal_nl`.
    enum State: String, Codable, DatabaseValueConvertible { case draft, submitted, admitted, refused, onAgenda, decided }

    /// Nil until inserted: the database gives the id.
    var id: ProposalID?
    var assemblyId: AssemblyID
    var title: String
    var text: String
    var kind: String
    var sourceKind: SourceKind
    var sourceParty: String?
    var state: State
    var refusal: String?
    var refusalNl: String?
    var submittedOn: CivilDate?
    var amendmentText: String?
    var inspectionFrom: CivilDate?
    var carriedFrom: ProposalID?

    /// The row for a proposal (its id, if it has one, is left to the database).
    init(_ proposal: Proposal, state: State, assembly: AssemblyID? = nil, carriedFrom: ProposalID? = nil) {
        assemblyId = assembly ?? proposal.assembly
        title = proposal.title
        text = proposal.text
        kind = proposal.kind
        (sourceKind, sourceParty) =
            switch proposal.source {
            case .board: (.board, nil)
            case .members: (.members, nil)
            case .party(let name): (.party, name)
            }
        self.state = state
        submittedOn = proposal.submittedOn
        amendmentText = proposal.amendmentText
        inspectionFrom = proposal.inspectionFrom
        self.carriedFrom = carriedFrom
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = ProposalID(Int(inserted.rowID)) }

    /// Inserts the row and its supporters; returns the id the database gave it.
    mutating func insert(_ db: Database, supporters: [ResidentID]) throws -> ProposalID {
        try insert(db)
        guard let id else { throw StoreError(nl: "een voorstel zonder nummer", en: "a proposal without a number") }
        for supporter in Set(supporters) { try ProposalSupporterRow(proposalId: id, residentId: supporter.rawValue).insert(db) }
        return id
    }

    /// The proposal as the core reads it, with its supporters.
    func proposal(_ db: Database) throws -> Proposal {
        guard let id else { throw StoreError(nl: "een voorstel zonder nummer", en: "a proposal without a number") }
        let source: ProposalSource =
            switch sourceKind {
            case .party: .party(sourceParty ?? "")
            case .board: .board
            case .members:
                .members(
                    try ProposalSupporterRow.filter(Column("proposal_id") == id).order(Column("resident_id")).fetchAll(db)
                        .map { ResidentID($0.residentId) })
            }
        var proposal = Proposal(
            id: id, title: title, text: text, kind: kind, source: source, assembly: assemblyId, amendmentText: amendmentText,
            inspectionFrom: inspectionFrom)
        proposal.submittedOn = submittedOn
        proposal.carriedFrom = carriedFrom
        proposal.state =
            switch state {
            case .draft: .draft
            case .submitted: .submitted
            case .admitted: .admitted
            case .onAgenda: .onAgenda
            case .decided: .decided
            case .refused: .refused(Refusal(nl: refusalNl ?? refusal ?? "", en: refusal ?? "", source: .header))
            }
        return proposal
    }
}

/// A row of `proposal_supporter`: a member who supports a members' proposal.
struct ProposalSupporterRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "proposal_supporter"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var proposalId: ProposalID
    var residentId: String
}
