import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import HTTPTypes
import Hummingbird
import Statuut

/// The projector at the assembly: turnout, quorum, how many have voted on each open ballot (never
/// what), results with a bar chart once a ballot closes, the audit head, and a QR code to the
/// voting page. Refreshes itself every 10 seconds without JavaScript.
struct ProjectorPage: Sendable {
    let database: AppDatabase

    func register(on router: Router<WebContext>) {
        router.get("projector/:id") { request, context in
            let (id, url) = (try context.id("id") as AssemblyID, context.siteURL(request))
            return try await Lane.pages.run { try self.page(request, id, siteURL: url) }
        }
    }

    func page(_ request: Request, _ id: AssemblyID, siteURL url: String) throws -> Response {
        guard let assembly = try database.assemblies().first(where: { $0.id == id }) else {
            return ResidentPages.message("noSuchAssembly", title: "notFoundTitle", class: "error", status: .notFound)
        }
        let turnout = try database.turnout(assembly: id)
        let head = try database.auditHead()
        let q = turnout.quorum
        let quorum =
            q.needed == 0
            ? Catalogue.both("noQuorumRequired")
            : Catalogue.both(q.met ? "quorumMet" : "quorumNotYetMet", ["counted": String(q.counted), "needed": String(q.needed)])
        let ballots = try turnout.ballots.map { ballot in
            var item = ProjectorView.Ballot(title: ballot.title, open: ballot.open)
            if ballot.open {
                item.votesCast = Catalogue.both(ballot.votes == 1 ? "votesCastOne" : "votesCast", ["count": String(ballot.votes)])
            } else {
                // A stored result that cannot be read is an error, not a ballot shown without its result.
                let record = try database.ballot(ballot.id)
                item.result = record.counted.map { Self.resultView($0, options: record.options) }
            }
            return item
        }
        let view = ProjectorView(
            heading: Catalogue.both("assemblyOf", ["date": assembly.date.description]), place: assembly.place,
            presence: Catalogue.both(
                "presentRepresented",
                ["present": String(turnout.present), "represented": String(turnout.represented), "electorate": String(turnout.electorate)]),
            quorum: quorum, qr: QRCode.svg(url) ?? "", url: url, ballots: ballots, head: "\(head.size):\(head.root)")
        return HTML.page(
            Catalogue.text("projectorTitle", .nl), PageTemplates.render("projector", view: view), headers: [HTTPField.Name("Refresh")!: "10"])
    }

    /// What the `ballot-result` template shows: the outcome, the chair's decision or a waived
    /// quorum where there is one, and the bars of the chart.
    static func resultView(_ result: BallotResult, options: [BallotOption]) -> ResultView {
        let names = Dictionary(uniqueKeysWithValues: options.map { ($0.id, $0.name) })
        var bars: [(String, Int)] = []
        var context = ResultView()
        if let count = result.yesNo {
            bars = [(Self.label("choiceYes"), count.yes), (Self.label("choiceNo"), count.no), (Self.label("choiceBlank"), count.blank)]
            // After a tie the chair's recorded decision is the outcome.
            let key: String =
                switch result.decided {
                case .adopted: "outcomeAdopted"
                case .rejected: "outcomeRejected"
                case .noQuorum: "outcomeNoQuorum"
                case .revote: "outcomeRevote"
                case .chairDecides: "outcomeChairDecides"
                case .decided: "outcomeAdopted"
                }
            context.outcome = Catalogue.both(key)
            if let chair = result.chairDecision?.chair { context.chairNote = Catalogue.both("chairDecidedAfterTie", ["chair": chair]) }
            if result.quorum?.waived == true { context.waivedNote = Catalogue.both("secondMeetingWithoutQuorum") }
        } else {
            let elected = (result.elected ?? []).map { names[$0] ?? $0 }
            context.outcome = elected.isEmpty ? Catalogue.both("nothingChosen") : Catalogue.both("chosen", ["names": elected.joined(separator: ", ")])
            if let project = result.stoppedAt, let euros = result.topUp {
                context.topUpNote = Catalogue.both("topUp", ["project": names[project] ?? project, "amount": HTML.euros(euros)])
            }
            bars = (result.rounds?.first?.counts ?? []).compactMap { count in Int(count.value).map { (names[count.id] ?? count.id, $0) } }
        }
        guard !bars.isEmpty else { return context }
        let maximum = max(1, bars.map(\.1).max() ?? 1)
        context.chart = ResultView.Chart(
            height: bars.count * 44, label: bars.map { "\($0.0): \($0.1)" }.joined(separator: ", "),
            bars: bars.enumerated().map { index, bar in
                let width = 300 * bar.1 / maximum
                let y = index * 44
                return .init(name: bar.0, value: bar.1, textY: y + 26, rectY: y + 8, width: max(width, 2), valueX: 226 + width, valueY: y + 28)
            })
        return context
    }

    /// "voor / yes": a short label in both languages, for a chart.
    static func label(_ key: String) -> String { "\(Catalogue.text(key, .nl).lowercased()) / \(Catalogue.text(key, .en).lowercased())" }
}

/// The projector: the assembly, presence and quorum, the voting page's address, and per ballot
/// how many voted (open) or its result (closed).
struct ProjectorView {
    struct Ballot {
        var title: String
        var open: Bool
        var votesCast: BothLanguages?
        var result: ResultView?
    }
    var heading: BothLanguages
    var place: String
    var presence: BothLanguages
    var quorum: BothLanguages
    /// The QR code as SVG markup the program made.
    var qr: String
    var url: String
    var ballots: [Ballot]
    var head: String
}

/// A closed ballot's result as the `ballot-result` template shows it: the outcome, notes, and a
/// bar chart.
struct ResultView {
    struct Chart {
        struct Bar {
            var name: String
            var value: Int
            var textY: Int
            var rectY: Int
            var width: Int
            var valueX: Int
            var valueY: Int
        }
        var height: Int
        /// The chart read out as text, for a screen reader.
        var label: String
        var bars: [Bar]
    }
    var outcome: BothLanguages?
    var chairNote: BothLanguages?
    var waivedNote: BothLanguages?
    var topUpNote: BothLanguages?
    var chart: Chart?
}
