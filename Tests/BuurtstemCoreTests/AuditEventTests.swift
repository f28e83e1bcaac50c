import Foundation
import Statuut
import Testing

@testable import BuurtstemCore

/// Typed audit events write the same bytes the dictionaries wrote, and read every stored form back.
@Suite("Audit events as types")
struct AuditEventTests {
    @Test("a vote's events write the payload as before, byte for byte")
    func sameBytes() {
        let cast = VoteCast(ballot: 3, vote: "v1", code: "c1")
        #expect(cast.payload.encoded(pretty: false) == #"{"ballot":3,"code":"c1","vote":"v1"}"#)
        let replaced = VoteReplaced(ballot: 3, removed: "v0", vote: "v1", codeBefore: "c0", code: "c1")
        #expect(replaced.payload.encoded(pretty: false) == #"{"ballot":3,"code":"c1","codeBefore":"c0","removed":"v0","vote":"v1"}"#)
        let entered = VotesEntered(ballot: 3, count: 2, votes: ["a", "b"])
        #expect(entered.payload.encoded(pretty: false) == #"{"ballot":3,"count":2,"votes":["a","b"]}"#)
        #expect(VoteCast.action == .voteCast && VoteReplaced.action == .voteReplaced && VotesEntered.action == .votesEntered)
    }

    @Test("entries an older release wrote, without commitments, still read")
    func olderEntries() throws {
        let decoder = JSONDecoder()
        let cast = try decoder.decode(VoteCast.self, from: Data(#"{"ballot":1}"#.utf8))
        #expect(cast.ballot == 1 && cast.vote == nil && cast.code == nil)
        let entered = try decoder.decode(VotesEntered.self, from: Data(#"{"ballot":1,"count":4}"#.utf8))
        #expect(entered.count == 4 && entered.votes == nil)
        let round = try decoder.decode(VoteReplaced.self, from: Data(VoteReplaced(ballot: 2, removed: "x", vote: "y").payload.encoded(pretty: false).utf8))
        #expect(round == VoteReplaced(ballot: 2, removed: "x", vote: "y"))
    }

    @Test("a ballot's opening writes the payload as before, and an older entry without seats or budget reads as 'not written'")
    func ballotOpened() throws {
        let opened = BallotOpened(
            ballot: 2, proposal: 5, method: "approval", options: ["a", "b"], optionsJSON: "[]", seats: nil, budget: 9_000, roundOf: nil,
            changeable: false, quorumMet: true, counted: 30, needed: 25)
        let old: JSONValue = .object([
            "ballot": .int(2), "proposal": .int(5), "method": .string("approval"), "options": .array([.string("a"), .string("b")]),
            "optionsJSON": .string("[]"), "seats": .null, "budget": .int(9_000), "quorumMet": .bool(true), "roundOf": .null,
            "counted": .int(30), "needed": .int(25), "changeable": .bool(false),
        ])
        #expect(opened.payload.encoded(pretty: false) == old.encoded(pretty: false))
        let read = try JSONDecoder().decode(BallotOpened.self, from: Data(opened.payload.encoded(pretty: false).utf8))
        #expect(read == opened)
        let older = try JSONDecoder().decode(BallotOpened.self, from: Data(#"{"ballot":1,"method":"yesNo","proposal":1}"#.utf8))
        #expect(older.seats == nil && older.budget == nil && older.changeable == nil)
    }

    /// A plain event beside the dictionary the store wrote before it was a type: the same bytes, and
    /// it reads back as itself.
    static func check<Event: AuditEvent>(_ event: Event, _ before: [String: JSONValue]) throws -> AuditAction {
        #expect(event.payload.encoded(pretty: false) == JSONValue.object(before).encoded(pretty: false), "\(Event.action)")
        let read = try JSONDecoder().decode(Event.self, from: Data(event.payload.encoded(pretty: false).utf8))
        #expect(read.payload == event.payload, "\(Event.action)")
        return Event.action
    }

    @Test("plain events write the payload as before, byte for byte (0 and 1 stay numbers), and read back as themselves")
    func plainEvents() throws {
        let day = CivilDate(iso: "2026-03-01")!
        let actions: [AuditAction] = [
            try Self.check(AssociationCreated(name: "Wildeman"), ["name": .string("Wildeman")]),
            try Self.check(StaffAdded(name: "ans", role: "desk"), ["name": .string("ans"), "role": .string("desk")]),
            try Self.check(StaffPasswordSet(name: "ans"), ["name": .string("ans")]),
            try Self.check(StaffDisabled(name: "ans"), ["name": .string("ans")]),
            try Self.check(CodesIssued(assembly: 1, count: 0), ["assembly": .int(1), "count": .int(0)]),
            try Self.check(BoardLeft(member: 2, name: "Fatima", on: day), ["member": .int(2), "name": .string("Fatima"), "on": .string("2026-03-01")]),
            try Self.check(
                ProposalSupported(proposal: 4, member: ResidentID("R1"), on: day), ["proposal": .int(4), "id": .string("R1"), "on": .string("2026-03-01")]),
            try Self.check(ProposalAdmitted(proposal: 4), ["proposal": .int(4)]),
            try Self.check(ProposalRefused(proposal: 4, reason: "te laat"), ["proposal": .int(4), "reason": .string("te laat")]),
            try Self.check(
                AssemblyOpened(assembly: 1, quorumMet: false, counted: 1, needed: 0),
                ["assembly": .int(1), "quorumMet": .bool(false), "counted": .int(1), "needed": .int(0)]),
            try Self.check(AssemblyClosed(assembly: 1), ["assembly": .int(1)]),
            try Self.check(MemberCheckedIn(assembly: 1, member: ResidentID("R9")), ["assembly": .int(1), "id": .string("R9")]),
            try Self.check(
                ProxyRecorded(assembly: 1, giver: ResidentID("R2"), holder: ResidentID("R3")),
                ["assembly": .int(1), "giver": .string("R2"), "holder": .string("R3")]),
            try Self.check(AccountsPresented(year: 2026, on: day), ["year": .int(2026), "on": .string("2026-03-01")]),
            try Self.check(WitnessAdded(path: "/mnt/usb/head"), ["path": .string("/mnt/usb/head")]),
            try Self.check(
                AssemblyCalled(assembly: 1, calledOn: day, referenceDate: day, electorate: 60, statuteVersion: 1),
                [
                    "assembly": .int(1), "calledOn": .string("2026-03-01"), "referenceDate": .string("2026-03-01"), "electorate": .int(60),
                    "statuteVersion": .int(1),
                ]),
            try Self.check(
                ProposalCarried(proposal: 7, from: 3, assembly: 2, firstMeeting: 1),
                ["proposal": .int(7), "from": .int(3), "assembly": .int(2), "firstMeeting": .int(1)]),
            try Self.check(
                AssemblyDemanded(receivedOn: day, supporters: 12, members: 100, callBy: day),
                ["receivedOn": .string("2026-03-01"), "supporters": .int(12), "members": .int(100), "callBy": .string("2026-03-01")]),
            try Self.check(
                BoardAppointed(member: 1, name: "Ans", seatFor: nil, on: day),
                ["member": .int(1), "name": .string("Ans"), "seatFor": .null, "on": .string("2026-03-01")]),
            try Self.check(
                BoardReappointed(member: 2, name: "Ans", seatFor: "Gemeente", on: day),
                ["member": .int(2), "name": .string("Ans"), "seatFor": .string("Gemeente"), "on": .string("2026-03-01")]),
            try Self.check(
                CodeReissued(assembly: 1, member: ResidentID("R4"), oldCodeShown: false, firstBallot: 3),
                ["assembly": .int(1), "id": .string("R4"), "oldCodeShown": .bool(false), "firstBallot": .int(3)]),
            try Self.check(
                CodeReissued(assembly: 1, member: ResidentID("R4"), oldCodeShown: true, firstBallot: nil),
                ["assembly": .int(1), "id": .string("R4"), "oldCodeShown": .bool(true), "firstBallot": .null]),
            try Self.check(
                DecisionOutsideMeeting(
                    title: "Ontbinding", kind: "gewoon", on: day, members: 3, count: YesNoCount(yes: 1, no: 0, blank: 1), outcome: "adopted",
                    voters: [ResidentID("R1"), ResidentID("R2")]),
                [
                    "title": .string("Ontbinding"), "kind": .string("gewoon"), "on": .string("2026-03-01"), "members": .int(3), "yes": .int(1),
                    "no": .int(0), "blank": .int(1), "outcome": .string("adopted"), "voters": .array([.string("R1"), .string("R2")]),
                ]),
            try Self.check(
                ShareholderAdvice(proposal: 1, shareholder: "Gemeente", on: day, text: "goed"),
                ["proposal": .int(1), "shareholder": .string("Gemeente"), "on": .string("2026-03-01"), "text": .string("goed")]),
            try Self.check(
                ShareholderConsent(proposal: 1, shareholder: "Gemeente", on: day, text: "ja"),
                ["proposal": .int(1), "shareholder": .string("Gemeente"), "on": .string("2026-03-01"), "text": .string("ja")]),
            try Self.check(
                ShareholderRefusal(proposal: 1, shareholder: "Gemeente", on: day, text: "nee"),
                ["proposal": .int(1), "shareholder": .string("Gemeente"), "on": .string("2026-03-01"), "text": .string("nee")]),
            try Self.check(KeyCreated(publicKey: "ab12"), ["publicKey": .string("ab12")]),
            try Self.check(
                AuditWitnessed(size: 9, root: "cd34", witnesses: ["/a", "/b"]),
                ["size": .int(9), "root": .string("cd34"), "witnesses": .array([.string("/a"), .string("/b")])]),
            try Self.check(
                AssemblyScheduled(assembly: 2, date: day, place: "LuCafé", agenda: [], secondMeetingOf: nil),
                ["assembly": .int(2), "date": .string("2026-03-01"), "place": .string("LuCafé"), "agenda": .array([])]),
            try Self.check(
                AssemblyScheduled(assembly: 3, date: day, place: "LuCafé", agenda: ["gewoon"], secondMeetingOf: 2),
                [
                    "assembly": .int(3), "date": .string("2026-03-01"), "place": .string("LuCafé"), "agenda": .array([.string("gewoon")]),
                    "secondMeetingOf": .int(2),
                ]),
            try Self.check(
                ProposalSubmitted(proposal: 5, assembly: 1, title: "Bankjes", kind: "gewoon", by: "members", supporters: 10),
                [
                    "proposal": .int(5), "assembly": .int(1), "title": .string("Bankjes"), "kind": .string("gewoon"), "by": .string("members"),
                    "supporters": .int(10),
                ]),
            try Self.check(
                OrganisationConfirmed(organisation: "Atea", year: 2026, on: day, text: "ja"),
                ["organisation": .string("Atea"), "year": .int(2026), "on": .string("2026-03-01"), "text": .string("ja")]),
        ]
        // AssemblyScheduled and CodeReissued are checked twice (with and without their optional value).
        #expect(Set(actions).count == actions.count - 2)
    }

    @Test("register, membership, result, statute, purge and restore entries write the payload the store wrote as a dictionary, byte for byte")
    func recordEvents() throws {
        let day = CivilDate(iso: "2026-03-01")!
        let address = Address(postcode: try Postcode(parsing: "1067 PV"), houseNumber: 2, addition: "A")
        let other = Address(postcode: try Postcode(parsing: "1067 PA"), houseNumber: 12)
        var result = BallotResult(method: "yes-no", outcome: .adopted)
        result.ballot = 4
        result.yes = 3
        result.quorum = BallotResult.Quorum(met: true, counted: 3, needed: 2)
        let stored: [String: JSONValue] = [
            "ballot": .int(4), "method": .string("yes-no"), "outcome": .string("adopted"), "yes": .int(3),
            "quorum": .object(["met": .bool(true), "counted": .int(3), "needed": .int(2)]),
        ]
        let actions: [AuditAction] = [
            try Self.check(
                MemberApplied(application: 3, resident: ResidentID("R1"), appliedOn: day),
                ["application": .int(3), "id": .string("R1"), "appliedOn": .string("2026-03-01")]),
            try Self.check(
                ApplicationDecided<ApplicationDecision.Admitted>(
                    application: 3, resident: ResidentID("R1"), decidedBy: "board", on: day, assembly: nil, reason: nil),
                ["application": .int(3), "id": .string("R1"), "decidedBy": .string("board"), "on": .string("2026-03-01"), "assembly": .null]),
            try Self.check(
                ApplicationDecided<ApplicationDecision.Refused>(
                    application: 3, resident: ResidentID("R1"), decidedBy: "assembly", on: day, assembly: 2, reason: "geen bewoner"),
                [
                    "application": .int(3), "id": .string("R1"), "decidedBy": .string("assembly"), "on": .string("2026-03-01"),
                    "assembly": .int(2), "reason": .string("geen bewoner"),
                ]),
            try Self.check(
                MembershipChanged<MembershipChange.Join>(resident: ResidentID("R1"), requestedOn: day, effectiveOn: day, statuteVersion: 1),
                ["id": .string("R1"), "requestedOn": .string("2026-03-01"), "effectiveOn": .string("2026-03-01"), "statuteVersion": .int(1)]),
            try Self.check(
                MembershipChanged<MembershipChange.Leave>(
                    resident: ResidentID("R1"), requestedOn: day, effectiveOn: day, statuteVersion: 2, application: 5, decidedBy: "board"),
                [
                    "id": .string("R1"), "requestedOn": .string("2026-03-01"), "effectiveOn": .string("2026-03-01"), "statuteVersion": .int(2),
                    "application": .int(5), "decidedBy": .string("board"),
                ]),
            try Self.check(
                ResidentUpdated(resident: ResidentID("R1"), birth: .year(1970), nameChanged: true),
                ["id": .string("R1"), "birth": .object(["year": .int(1970)]), "nameChanged": .bool(true)]),
            try Self.check(
                ResidentMoved(resident: ResidentID("R1"), from: address, to: other, on: day, movedOut: nil),
                [
                    "id": .string("R1"), "from": .string("1067 PV 2-A"), "to": .string("1067 PA 12"), "on": .string("2026-03-01"),
                    "movedOut": .null,
                ]),
            try Self.check(
                ResidentLeft<AddressLeft.MovedOut>(resident: ResidentID("R1"), from: address, on: day),
                ["id": .string("R1"), "from": .string("1067 PV 2-A"), "on": .string("2026-03-01")]),
            try Self.check(
                ResidentLeft<AddressLeft.Absent>(resident: ResidentID("R2"), from: other, on: day),
                ["id": .string("R2"), "from": .string("1067 PA 12"), "on": .string("2026-03-01")]),
            try Self.check(
                RegisterImported(
                    import: 1, file: "brp.csv", sha256: "ab", extractDate: day,
                    counts: .init(read: 9, imported: 8, rejected: 1, created: 2, moved: 1, movedOut: 1, updated: 1, absent: 1, unchanged: 3)),
                [
                    "import": .int(1), "file": .string("brp.csv"), "sha256": .string("ab"), "extractDate": .string("2026-03-01"), "read": .int(9),
                    "imported": .int(8), "rejected": .int(1), "created": .int(2), "moved": .int(1), "movedOut": .int(1), "updated": .int(1),
                    "absent": .int(1), "unchanged": .int(3),
                ]),
            try Self.check(
                BallotClosed(result: result), stored),
            try Self.check(
                BallotChairDecided(result: result), stored),
            try Self.check(
                StatuteAdopted(version: 1, validFrom: day, sha256: "cd", file: "w.statuut", how: "founding", name: "Wildeman"),
                [
                    "version": .int(1), "validFrom": .string("2026-03-01"), "sha256": .string("cd"), "file": .string("w.statuut"),
                    "how": .string("founding"), "name": .string("Wildeman"),
                ]),
            try Self.check(
                StatuteAdopted(version: 2, validFrom: day, byBallot: 7),
                ["version": .int(2), "validFrom": .string("2026-03-01"), "how": .string("amendment ballot 7")]),
            try Self.check(
                DatabaseRestored(backupSHA256: "ef", checksumMatched: nil, entriesLost: 0),
                ["backupSHA256": .string("ef"), "checksumFile": .null, "entriesLost": .int(0)]),
            try Self.check(
                DataPurged(
                    before: day, on: day, codes: 40, names: 2, assemblies: [1, 2], entries: [5, 9], presenceLists: [1], formerResidents: 3,
                    rule: .init(codesDays: 30, namesDays: 60, logMonths: 24, presenceYears: 7, registerYears: 7)),
                [
                    "before": .string("2026-03-01"), "on": .string("2026-03-01"), "codes": .int(40), "names": .int(2),
                    "assemblies": .array([.int(1), .int(2)]), "entries": .array([.int(5), .int(9)]), "presenceLists": .array([.int(1)]),
                    "formerResidents": .int(3),
                    "rule": .object([
                        "codesDays": .int(30), "namesDays": .int(60), "logMonths": .int(24), "presenceYears": .int(7), "registerYears": .int(7),
                    ]),
                ]),
        ]
        #expect(BallotClosed(result: result).ballot == 4)
        #expect(Set(actions).count == actions.count - 1)
    }

    @Test("every action has exactly one type, and the fast register writer's bytes are the type's")
    func everyActionTyped() throws {
        #expect(Set(AuditEvents.types.map { $0.action }) == Set(AuditAction.allCases))
        #expect(AuditEvents.types.count == AuditAction.allCases.count)
        let registered = ResidentsRegistered([
            .init(
                resident: ResidentID("R1"), address: Address(postcode: try Postcode(parsing: "1067 PV"), houseNumber: 2, addition: "A"),
                birth: .date(CivilDate(iso: "1980-05-04")!), movedIn: nil, movedOut: nil)
        ])
        #expect(
            registered.payload.encoded(pretty: false)
                == #"{"count":1,"residents":[{"address":"1067 PV 2-A","birth":{"date":"1980-05-04"},"id":"R1","movedIn":null,"movedOut":null}]}"#)
        let read = try AuditEvents.decode(.residentsRegistered, payload: registered.payload.encoded(pretty: false))
        #expect(read.payload == registered.payload)
    }
}
