import BuurtstemCore
import Foundation
import GRDB
import Statuut

/// A row of `ballot`, read and written as a record. The options and the result are kept as the
/// text they were stored as: the audit log commits to those very bytes (`ballot.opened` to the
/// options, `ballot.closed` to the result).
struct BallotRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "ballot"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    enum State: String, Codable, DatabaseValueConvertible { case open, closed }

    /// Nil until inserted: the database gives the id.
    var id: BallotID?
    var proposalId: ProposalID
    var method: TallyMethod
    var options: String
    var seats: Int?
    var budget: Int?
    var state: State
    var result: String?
    var roundOf: BallotID?
    /// Whether a vote may be changed, fixed when the ballot opened (nil on ballots from before that).
    var votesChangeable: Bool?

    /// A new open ballot.
    init(proposal: ProposalID, method: TallyMethod, options: [BallotOption], seats: Int?, budget: Int?, roundOf: BallotID?, changeable: Bool) throws {
        self.proposalId = proposal
        self.method = method
        self.options = String(decoding: try JSONEncoder().encode(options), as: UTF8.self)
        self.seats = seats
        self.budget = budget
        self.state = .open
        self.roundOf = roundOf
        self.votesChangeable = changeable
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = BallotID(Int(inserted.rowID)) }

    /// The ballot as the rest of the store and the pages read it; an unreadable option list or
    /// result is an error that names the ballot.
    func record() throws -> BallotRecord {
        guard let id else { throw StoreError(nl: "een stemming zonder nummer", en: "a ballot without a number") }
        let choices: [BallotOption]
        do { choices = try JSONDecoder().decode([BallotOption].self, from: Data(options.utf8)) } catch {
            throw StoreError(
                nl: "de opgeslagen keuzes van stemming \(id) zijn onleesbaar: \(error)", en: "ballot \(id) has stored options that cannot be read: \(error)")
        }
        return BallotRecord(
            id: id, proposal: proposalId, method: method, options: choices, seats: seats, budget: budget, isOpen: state == .open, result: result,
            roundOf: roundOf,
            counted: try result.map { json in
                do { return try BallotResult(json: json) } catch {
                    throw StoreError(
                        nl: "de opgeslagen uitslag van stemming \(id) is onleesbaar: \(error)",
                        en: "ballot \(id) has a stored result that cannot be read: \(error)")
                }
            })
    }
}
