public import BuurtstemCore
import Crypto
import Foundation
public import GRDB
public import Statuut

extension AppDatabase {
    /// Issues a code to every member of the assembly's electorate who has none, and returns the
    /// plain codes (the only time they exist outside the letters). Stores keyed hashes only.
    public func issueCodes(assembly id: AssemblyID, actor: AuditActor = .system) throws -> [(member: ResidentID, code: VotingCode)] {
        try writer.write { db in
            let assembly = try Self.assembly(db, id)
            guard assembly.state == .called || assembly.state == .open else {
                throw StoreError(
                    nl: "codes worden uitgegeven zodra vergadering \(id) is opgeroepen (dan zijn de stemgerechtigden bekend)",
                    en: "codes are issued once assembly \(id) is called (the electorate is then known)")
            }
            let secret = try Self.secret(db, assembly: id)
            let have = Set(
                try VotingCodeRow.filter(Column("assembly_id") == id && Column("state") != CodeState.revoked).fetchAll(db).map(\.residentId))
            var random = SystemRandomNumberGenerator()
            var issued: [(ResidentID, VotingCode)] = []
            for member in try Self.electorate(db, id).sorted() where !have.contains(member) {
                let code = VotingCode.generate(using: &random)
                try VotingCodeRow(codeHash: Data(code.keyedHash(secret: secret).bytes), assemblyId: id, residentId: member, state: .issued).insert(db)
                issued.append((member, code))
            }
            try audit(db, actor, CodesIssued(assembly: id, count: issued.count))
            return issued.map { (member: $0.0, code: $0.1) }
        }
    }

    /// Replaces a member's code (a lost letter, a reprint at the desk); the old code stops working.
    ///
    /// One member, one vote, whatever the desk does: the old code may have voted on ballots that are
    /// open now, and only the old code can tell (its votes are under markers that need it). So:
    /// - with the old code at hand (`old`: the member brings the letter), its votes are carried over
    ///   to the new code, and the new code may vote wherever the old one had not;
    /// - without it, the new code votes only on ballots opened after this moment, unless the old code
    ///   never was active (then it cannot have voted).
    /// Either way nothing here says how anyone voted; the desk learns only which ballots the new code
    /// cannot take.
    public func reissueCode(assembly id: AssemblyID, member: ResidentID, old: VotingCode? = nil, actor: AuditActor = .desk("balie")) throws -> ReissuedCode {
        try writer.write { db in
            guard try Self.electorate(db, id).contains(member) else {
                throw StoreError(nl: "\(member) is niet stemgerechtigd in vergadering \(id)", en: "\(member) is not in the electorate of assembly \(id)")
            }
            let secret = try Self.secret(db, assembly: id)
            let current = try VotingCodeRow.current(db, assembly: id, member: member)
            let currentState = current?.state
            if let old {
                guard let hash = current?.codeHash, hash == Data(old.keyedHash(secret: secret).bytes) else {
                    throw StoreError(
                        nl: "dat is niet de huidige code van \(member); kijk op de brief (een nieuwere code kan hem hebben vervangen)",
                        en: "that is not \(member)'s current code; check the letter (a newer code may have replaced it)")
                }
            }
            // The new code is active at once when the old one was, or when the member is already
            // checked in or has given a proxy (a code handed out at the desk).
            let checkedIn = try AttendanceRow.exists(db, key: ["assembly_id": id.databaseValue, "resident_id": member.databaseValue])
            let gaveProxy = try ProxyRow.exists(db, key: ["assembly_id": id.databaseValue, "giver": member.databaseValue])
            let wasActive = currentState == .active || checkedIn || gaveProxy
            var random = SystemRandomNumberGenerator()
            let code = VotingCode.generate(using: &random)
            var firstBallot = current?.firstBallot
            var carried = 0
            if let old {
                // Carry the old code's votes over: "the new code voted here" under the new marker, with the
                // old marker and receipt sealed for the new code. The old rows stay untouched (see v9).
                for ballot in try BallotID.fetchAll(
                    db, sql: "SELECT ballot.id FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id WHERE proposal.assembly_id = ?",
                    arguments: [id])
                {
                    let oldMarker = Data(old.ballotMarker(secret: secret, ballot: ballot).bytes)
                    guard
                        let sealed = try CodeVoteRow.fetchOne(db, key: ["ballot_id": ballot.databaseValue, "marker": oldMarker.databaseValue])?
                            .sealedReceipt
                    else { continue }
                    var resealed: Data?
                    if let box = try? ChaChaPoly.SealedBox(combined: sealed),
                        let receipt = try? ChaChaPoly.open(box, using: old.receiptKey(secret: secret, ballot: ballot))
                    {
                        resealed = try ChaChaPoly.seal(oldMarker + receipt, using: code.receiptKey(secret: secret, ballot: ballot)).combined
                    }
                    try CarriedVoteRow(ballotId: ballot, marker: Data(code.ballotMarker(secret: secret, ballot: ballot).bytes), sealed: resealed).insert(db)
                    carried += 1
                }
            } else if currentState == .active {
                // The old code could vote and is not here to say where it did.
                // It may vote only on ballots opened from now on: those after the last one there is.
                firstBallot = BallotID((try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM ballot") ?? 0) + 1)
            }
            try VotingCodeRow.filter(Column("assembly_id") == id && Column("resident_id") == member).updateAll(db, Column("state").set(to: CodeState.revoked))
            try VotingCodeRow(
                codeHash: Data(code.keyedHash(secret: secret).bytes), assemblyId: id, residentId: member, state: wasActive ? .active : .issued,
                firstBallot: firstBallot
            ).insert(db)
            let unavailable = try BallotID.fetchAll(
                db,
                sql: """
                    SELECT ballot.id FROM ballot JOIN proposal ON proposal.id = ballot.proposal_id
                    WHERE proposal.assembly_id = ? AND ballot.state = 'open' AND ballot.id < ? ORDER BY ballot.id
                    """, arguments: [id, firstBallot?.rawValue ?? 0])
            try audit(db, actor, CodeReissued(assembly: id, member: member, oldCodeShown: old != nil, firstBallot: firstBallot))
            return ReissuedCode(code: code, unavailableBallots: unavailable, carriedOver: old == nil ? nil : carried)
        }
    }
}

/// A new code from the desk, and what it cannot do.
public struct ReissuedCode: Sendable, Hashable {
    public var code: VotingCode
    /// Open ballots the new code cannot vote on: they opened while the old code could vote, and the
    /// old code was not shown. (Never says whether the old code did vote.)
    public var unavailableBallots: [BallotID]
    /// How many ballots' votes were carried over from the old code, when it was shown.
    public var carriedOver: Int?
}
