import BuurtstemCore
import Foundation
import GRDB

/// Checks the ballots, the votes and the code uses against what the audit log says about them:
/// every `vote.cast`, `vote.replaced` and `votes.entered` entry commits to its vote rows (and a
/// code use), `ballot.opened` records the ballot's set-up and `ballot.closed` its result. A row
/// changed, added or deleted behind the store's back no longer matches (`audit verify`, `ballot
/// verify`). Entries written before these commitments existed carry none; a ballot none of whose
/// vote entries carries one is checked by counts only, but one entry without a commitment in a
/// ballot whose other entries have them is an error, and so is any purged entry about a ballot
/// (ballot entries are never purged).
struct BallotLogCheck {
    /// A ballot-related entry, read as its type.
    enum Logged {
        case cast(VoteCast)
        case replaced(VoteReplaced)
        case entered(VotesEntered)
        /// `ballot.opened`: the set-up.
        case opened(BallotOpened)
        /// `ballot.closed` or `ballot.chair-decided`: the result as stored text.
        case result(ballot: BallotID, raw: String)
    }

    /// The ballot-related entries, in order.
    private(set) var entries: [(seq: Int, logged: Logged)] = []
    /// Ballot entries whose payload claims to be purged: (seq, action, the ballot it names if any).
    private(set) var purged: [(seq: Int, action: String, ballot: BallotID?)] = []

    static let actions: Set<String> = [
        VoteCast.action.rawValue, VoteReplaced.action.rawValue, VotesEntered.action.rawValue, BallotOpened.action.rawValue,
        BallotClosed.action.rawValue, BallotChairDecided.action.rawValue,
    ]

    private struct BallotOnly: Decodable { var ballot: BallotID? }

    /// Adds an entry if it concerns ballots (cheap for the others: one byte and one set lookup).
    mutating func consider(seq: Int, action: String, payload: String) {
        guard let first = action.utf8.first, first == UInt8(ascii: "v") || first == UInt8(ascii: "b"), Self.actions.contains(action) else { return }
        let data = Data(payload.utf8)
        if PurgedPayload.claims(payload.utf8) {
            purged.append((seq, action, (try? Self.decoder.decode(BallotOnly.self, from: data))?.ballot))
            return
        }
        let logged: Logged?
        switch AuditAction(rawValue: action) {
        case .voteCast: logged = (try? Self.decoder.decode(VoteCast.self, from: data)).map(Logged.cast)
        case .voteReplaced: logged = (try? Self.decoder.decode(VoteReplaced.self, from: data)).map(Logged.replaced)
        case .votesEntered: logged = (try? Self.decoder.decode(VotesEntered.self, from: data)).map(Logged.entered)
        case .ballotOpened: logged = (try? Self.decoder.decode(BallotOpened.self, from: data)).map(Logged.opened)
        default: logged = (try? Self.decoder.decode(BallotOnly.self, from: data))?.ballot.map { .result(ballot: $0, raw: payload) }
        }
        if let logged { entries.append((seq, logged)) }
    }

    private static let decoder = JSONDecoder()

    /// Reads the ballot entries from the log.
    static func load(_ db: Database) throws -> BallotLogCheck {
        var check = BallotLogCheck()
        let actions: [AuditAction] = [
            VoteCast.action, VoteReplaced.action, VotesEntered.action, BallotOpened.action, BallotClosed.action, BallotChairDecided.action,
        ]
        for row in try Row.fetchAll(
            db, sql: "SELECT seq, action, payload FROM audit_entry WHERE action IN (?, ?, ?, ?, ?, ?) ORDER BY seq",
            arguments: StatementArguments(actions.map(\.rawValue))
        ) {
            check.consider(seq: row["seq"], action: row["action"], payload: row["payload"])
        }
        return check
    }

    /// Per ballot, what does not match the log (empty: all matches).
    func problems(_ db: Database) throws -> [BallotID: [String]] {
        var opened: [BallotID: BallotOpened] = [:]
        var closed: [BallotID: String] = [:]
        var votes: [BallotID: [String: Int]] = [:]
        var codes: [BallotID: [String: Int]] = [:]
        // Vote entries without a commitment (entries written before commitments existed), and ballots with any that has one.
        var uncommittedVotes: [BallotID: [Int]] = [:]
        var uncommittedCodes: [BallotID: [Int]] = [:]
        var committedVotes: Set<BallotID> = []
        var committedCodes: Set<BallotID> = []
        func add(_ map: inout [BallotID: [String: Int]], _ ballot: BallotID, _ key: String?, _ delta: Int) -> Bool {
            guard let key else { return false }
            map[ballot, default: [:]][key, default: 0] += delta
            return true
        }
        func note(_ committed: Bool, _ seq: Int, _ ballot: BallotID, _ yes: inout Set<BallotID>, _ no: inout [BallotID: [Int]]) {
            if committed { yes.insert(ballot) } else { no[ballot, default: []].append(seq) }
        }
        for (seq, logged) in entries {
            switch logged {
            case .opened(let entry): opened[entry.ballot] = entry
            // The chair's decision after a tie completes the result: its entry is the result as stored from then on.
            case .result(let ballot, let raw): closed[ballot] = raw
            case .cast(let event):
                note(add(&votes, event.ballot, event.vote, 1), seq, event.ballot, &committedVotes, &uncommittedVotes)
                note(add(&codes, event.ballot, event.code, 1), seq, event.ballot, &committedCodes, &uncommittedCodes)
            case .replaced(let event):
                note(
                    add(&votes, event.ballot, event.vote, 1) && add(&votes, event.ballot, event.removed, -1), seq, event.ballot, &committedVotes,
                    &uncommittedVotes)
                if event.codeBefore != nil {
                    _ = add(&codes, event.ballot, event.code, 1)
                    _ = add(&codes, event.ballot, event.codeBefore, -1)
                }
            case .entered(let event):
                note(event.votes != nil, seq, event.ballot, &committedVotes, &uncommittedVotes)
                for commitment in event.votes ?? [] { _ = add(&votes, event.ballot, commitment, 1) }
            }
        }
        // Checked by counts only: ballots none of whose vote entries carries a commitment.
        let legacyVotes = Set(uncommittedVotes.keys).subtracting(committedVotes)
        let legacyCodes = Set(uncommittedCodes.keys).subtracting(committedCodes)
        var problems: [BallotID: [String]] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT ballot.id, ballot.proposal_id, ballot.method, ballot.options, ballot.seats, ballot.budget, ballot.state, ballot.result, proposal.assembly_id,
                       ballot.round_of, ballot.votes_changeable
                FROM ballot LEFT JOIN proposal ON proposal.id = ballot.proposal_id ORDER BY ballot.id
                """)
        var secrets: [AssemblyID: [UInt8]] = [:]
        for row in rows {
            let id: BallotID = row["id"]
            var wrong: [String] = []
            if let entry = opened[id] {
                if entry.proposal != row["proposal_id"] as ProposalID? { wrong.append("its proposal differs from the ballot.opened entry") }
                if entry.method != row["method"] as String? { wrong.append("its method differs from the ballot.opened entry") }
                if let options = entry.optionsJSON {
                    if options != row["options"] as String? { wrong.append("its options differ from the ballot.opened entry") }
                } else if let ids = entry.options,
                    let stored = try? JSONDecoder().decode([BallotOption].self, from: Data(((row["options"] as String?) ?? "").utf8)), stored.map(\.id) != ids
                {
                    wrong.append("its options differ from the ballot.opened entry")
                }
                if let seats = entry.seats, seats != (row["seats"] as Int?) { wrong.append("its seats differ from the ballot.opened entry") }
                if let budget = entry.budget, budget != (row["budget"] as Int?) { wrong.append("its budget differs from the ballot.opened entry") }
                if entry.roundOf != (row["round_of"] as BallotID?) { wrong.append("its round differs from the ballot.opened entry") }
                if entry.changeable != (row["votes_changeable"] as Bool?) {
                    wrong.append("whether its votes may be changed differs from the ballot.opened entry")
                }
            } else {
                wrong.append("the log has no ballot.opened entry for it")
            }
            let state: String? = row["state"]
            if let result = closed[id] {
                if state != "closed" { wrong.append("the log closed it, the table says \(state ?? "nothing")") }
                if (row["result"] as String?) != result { wrong.append("its stored result differs from the ballot.closed entry") }
            } else if state != "open" || (row["result"] as String?) != nil {
                wrong.append("the table says \(state ?? "nothing") with a result, the log never closed it")
            }
            if let assembly = row["assembly_id"] as AssemblyID? {
                if secrets[assembly] == nil {
                    secrets[assembly] =
                        (try Data.fetchOne(db, sql: "SELECT secret FROM assembly_secret WHERE assembly_id = ?", arguments: [assembly])).map { [UInt8]($0) }
                        ?? []
                }
                let secret = secrets[assembly] ?? []
                if !legacyVotes.contains(id), !secret.isEmpty {
                    var actual: [String: Int] = [:]
                    for vote in try Row.fetchAll(db, sql: "SELECT receipt, choice FROM vote WHERE ballot_id = ?", arguments: [id]) {
                        actual[VoteCommitment.vote(secret: secret, ballot: id, receipt: vote["receipt"], choice: vote["choice"]), default: 0] += 1
                    }
                    if actual != (votes[id] ?? [:]).filter({ $0.value != 0 }) { wrong.append("its votes differ from what the log committed to") }
                }
                if !legacyCodes.contains(id), !secret.isEmpty {
                    var actual: [String: Int] = [:]
                    for use in try Row.fetchAll(db, sql: "SELECT marker, sealed_receipt FROM code_vote WHERE ballot_id = ?", arguments: [id]) {
                        let marker: Data = use["marker"]
                        let sealed: Data? = use["sealed_receipt"]
                        actual[VoteCommitment.codeUse(secret: secret, ballot: id, marker: [UInt8](marker), sealed: sealed.map { [UInt8]($0) }), default: 0] += 1
                    }
                    if actual != (codes[id] ?? [:]).filter({ $0.value != 0 }) { wrong.append("the codes marked as used differ from what the log committed to") }
                }
            } else {
                wrong.append("its proposal does not exist")
            }
            for seq in committedVotes.contains(id) ? uncommittedVotes[id] ?? [] : [] {
                wrong.append("entry \(seq) carries no commitment to its vote, while the ballot's other entries do: it was changed")
            }
            for seq in committedCodes.contains(id) ? uncommittedCodes[id] ?? [] : [] where !(uncommittedVotes[id] ?? []).contains(seq) {
                wrong.append("entry \(seq) carries no commitment to its code use, while the ballot's other entries do: it was changed")
            }
            // Entries about a ballot are never purged; one that names no ballot any more may have been about any.
            for (seq, action, ballot) in purged where ballot == nil || ballot == id {
                wrong.append("entry \(seq) (\(action)) has a purged payload, but entries about a ballot are never purged: it was changed")
            }
            if !wrong.isEmpty { problems[id] = wrong }
        }
        for id in Set(opened.keys).subtracting(rows.map { $0["id"] as BallotID }) { problems[id] = ["the log opened it, the table has no such ballot"] }
        return problems
    }
}
