import Foundation
import Statuut
import Testing

@testable import BuurtstemCore

/// Amsterdam's Buurtbudget rule: by approvals, the selection stops at the first project that does
/// not fit, and that project is funded anyway with extra money.
@Suite("Greedy with top-up (Amsterdam's Buurtbudget rule)")
struct GreedyTopUpTests {
    static let projects = [
        ApprovalProfile.Project(id: "a", name: "Bankjes", cost: 60), ApprovalProfile.Project(id: "b", name: "Bomen", cost: 50),
        ApprovalProfile.Project(id: "c", name: "Speeltuin", cost: 20), ApprovalProfile.Project(id: "d", name: "Moestuin", cost: 10),
    ]

    /// `votes[p]` voters approving only project p.
    static func profile(budget: Int, votes: [Int]) -> ApprovalProfile {
        let ballots = votes.enumerated().flatMap { project, count in Array(repeating: [project], count: count) }
        return ApprovalProfile(projects: projects, budget: budget, ballots: ballots)
    }

    @Test("the first project that does not fit is funded with a top-up; nothing after it, even what would fit")
    func stopsAndTopsUp() {
        let profile = Self.profile(budget: 100, votes: [5, 4, 3, 2])
        let result = EqualShares.greedyWithTopUp(profile)
        #expect(result.method == "greedy-top-up")
        #expect(result.elected == ["a", "b"])
        #expect(result.details["stoppedAt"] == .string("b"))
        #expect(result.details["topUp"] == .int(10))
        #expect(result.details["spent"] == .int(110))
        #expect(result.rounds[0].note.contains("stopped at b, the first project that does not fit, funded with a top-up of 10"))
        // Greedy skips b and goes on: a, c, d within the budget.
        #expect(EqualShares.greedy(profile).elected == ["a", "c", "d"])
    }

    @Test("when every approved project fits there is no top-up")
    func everythingFits() {
        let result = EqualShares.greedyWithTopUp(Self.profile(budget: 200, votes: [5, 4, 3, 2]))
        #expect(result.elected == ["a", "b", "c", "d"])
        #expect(result.details["topUp"] == nil && result.details["stoppedAt"] == nil)
        #expect(result.rounds[0].note.contains("no top-up"))
    }

    @Test("a project nobody approved is never taken, nor topped up")
    func unapprovedNeverToppedUp() {
        let result = EqualShares.greedyWithTopUp(Self.profile(budget: 70, votes: [5, 0, 3, 0]))
        #expect(result.elected == ["a", "c"])
        #expect(result.details["stoppedAt"] == .string("c"))
        #expect(result.details["topUp"] == .int(10))
        let none = EqualShares.greedyWithTopUp(Self.profile(budget: 70, votes: [0, 0, 0, 0]))
        #expect(none.elected.isEmpty && none.details["topUp"] == nil)
    }

    @Test("a tie in approvals goes by listing order, and the result says so")
    func tieByListingOrder() {
        let result = EqualShares.greedyWithTopUp(Self.profile(budget: 60, votes: [2, 2, 0, 0]))
        #expect(result.elected == ["a", "b"])
        #expect(result.details["stoppedAt"] == .string("b"))
        #expect(result.details["topUp"] == .int(50))
    }

    @Test("a ballot counted by the rule keeps the stop and the top-up in its result")
    func ballotResult() throws {
        let options = Self.projects.map { BallotOption(id: $0.id, name: $0.name, cost: $0.cost) }
        let choices: [Choice] = Array(repeating: .options(["a"]), count: 5) + Array(repeating: .options(["b", "c"]), count: 4)
        let result = BallotCounting.count(
            choices, method: .greedyTopUp, options: options, seats: nil, budget: 100, kind: TestStatutes.wildeman.decisionKinds[0],
            attendance: Attendance(), electorate: 100)
        #expect(result.elected == ["a", "b"])
        #expect(result.stoppedAt == "b" && result.topUp == 10)
    }

    @Test("the statute says it in Dutch and in English")
    func statuteWording() throws {
        let dutch = Self.statuteText("wildemanbuurt")
        let english = Self.statuteText("../Tests/e2e/statutes/soesterkwartier-english")
        for (source, original, line, kind) in [
            (dutch, "methode gelijke delen", "methode meeste goedkeuringen tot en met het eerste project dat niet past", "wijkbudget"),
            (dutch, "methode gelijke delen", "methode buurtbudget amsterdam", "wijkbudget"),
            (english, "method approval", "method greedy with top-up\n    budget EUR 5000", nil),
        ] {
            let result = StatuteCompiler.compile(source.replacingOccurrences(of: original, with: line), name: "test")
            guard let statute = result.statute else {
                Issue.record("\(line): \(result.diagnostics)")
                continue
            }
            let method =
                kind.flatMap { statute.decisionKind(named: $0)?.method.value } ?? statute.decisionKinds.first { $0.method.value == .greedyTopUp }?.method.value
            #expect(method == .greedyTopUp, "\(line)")
        }
    }

    static func statuteText(_ name: String) -> String {
        (try? String(contentsOf: TestStatutes.repository.appendingPathComponent("Statutes/\(name).statuut"), encoding: .utf8)) ?? ""
    }
}
