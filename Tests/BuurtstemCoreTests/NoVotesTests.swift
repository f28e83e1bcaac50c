import Foundation
import Statuut
import Testing

@testable import BuurtstemCore

/// A ballot nobody voted on elects nothing, whatever the method; an option nobody voted for is
/// never elected by a tie-break over zeros or by a budget left over.
@Suite("No vote, no choice")
struct NoVotesTests {
    static let options = [
        BallotOption(id: "a", name: "Bankjes", cost: 10_000), BallotOption(id: "b", name: "Bomen", cost: 20_000),
        BallotOption(id: "c", name: "Speeltuin", cost: 30_000),
    ]

    static func count(_ choices: [Choice], _ method: TallyMethod, seats: Int? = nil, budget: Int? = nil) -> BallotResult {
        let kind = TestStatutes.wildeman.decisionKinds[0]
        return BallotCounting.count(
            choices, method: method, options: options, seats: seats, budget: budget, kind: kind, attendance: Attendance(), electorate: 100)
    }

    static func elected(_ result: BallotResult) -> [String] { result.elected ?? ["<no elected list>"] }

    @Test(
        "with no votes every method elects nothing",
        arguments: [TallyMethod.plurality, .approval, .instantRunoff, .schulze, .singleTransferableVote, .equalShares, .greedy, .greedyTopUp])
    func noVotes(_ method: TallyMethod) {
        let result = Self.count([], method, seats: 2, budget: 60_000)
        #expect(Self.elected(result) == [], "\(method): \(result)")
    }

    @Test("an option without a vote is not elected, also where seats or budget are left")
    func unvotedOption() {
        let approval = Self.count([.options(["a"]), .options(["a"])], .approval, seats: 2)
        #expect(Self.elected(approval) == ["a"])
        let greedy = Self.count([.options(["b"])], .greedy, budget: 60_000)
        #expect(Self.elected(greedy) == ["b"])
        let plurality = Self.count([.options(["c"])], .plurality)
        #expect(Self.elected(plurality) == ["c"])
    }
}

@Suite("Tie-breaks said")
struct TieBreakSaidTests {
    @Test("equal shares says where its stated tie-break chose: the election of issue 27 at +690")
    func equalSharesTie() throws {
        let url = TestStatutes.repository.appendingPathComponent("Tests/BuurtstemCoreTests/Fixtures/elections/tie-at-increment-690.pb")
        let text = try String(contentsOf: url, encoding: .utf8)
        guard case .budgeting(let profile, _, _, _) = try ElectionFile.read(text, fileExtension: "pb") else {
            Issue.record("not a budget")
            return
        }
        let result = EqualShares.tally(profile)
        #expect(Set(result.elected) == ["p1", "p3"])
        #expect(result.rounds.last?.note.contains("a tie-break decided: p3 over p1") == true)
        #expect(result.details["tieBreaks"] == .array([.object(["chosen": .string("p3"), "over": .array([.string("p1")])])]))
    }

    @Test("greedy says when listing order decided between projects with as many approvals")
    func greedyTie() {
        let projects = [
            ApprovalProfile.Project(id: "a", name: "Bankjes", cost: 600), ApprovalProfile.Project(id: "b", name: "Bomen", cost: 600),
        ]
        let result = EqualShares.greedy(ApprovalProfile(projects: projects, budget: 1_000, ballots: [[0], [1]]))
        #expect(result.elected == ["a"])
        #expect(result.rounds[0].note.contains("decided by listing order: a before b"))
        let clear = EqualShares.greedy(ApprovalProfile(projects: projects, budget: 1_000, ballots: [[0], [1], [1]]))
        #expect(clear.elected == ["b"] && !clear.rounds[0].note.contains("listing order"))
    }

    @Test("STV (Scottish and Meek) says when a tie-break chose whom to exclude")
    func stvTie() {
        var profile = RankedProfile(candidates: ["a", "b", "c"], names: ["A", "B", "C"])
        for order in [[0], [0], [1], [2]] { profile.add(order: order) }
        let scottish = ScottishSTV.tally(profile, seats: 1)
        #expect(scottish.rounds.contains { $0.note.contains("C has the fewest votes") && $0.note.contains("tied with B") }, "\(scottish.rounds.map(\.note))")
        let meek = MeekSTV.tally(profile, seats: 1)
        #expect(meek.rounds.contains { $0.note.contains("tied with B") }, "\(meek.rounds.map(\.note))")
    }
}
