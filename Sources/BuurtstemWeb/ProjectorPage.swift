import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Foundation
import HTTPTypes
public import Hummingbird
import Statuut

/// The projector at the assembly: turnout, quorum, how many have voted on each open ballot (never
/// what), results with a bar chart once a ballot closes, the audit head, and a QR code to the
/// voting page. Refreshes itself every 10 seconds without JavaScript.
struct ProjectorPage: Sendable {
    let database: AppDatabase

    func register(on router: Router<WebContext>) {
        router.get("projector/:id") { request, context in try self.page(request, try context.id("id")) }
    }

    func page(_ request: Request, _ id: Int) throws -> Response {
        guard let assembly = try database.assemblies().first(where: { $0.id == id }) else {
            return HTML.page(
                "Niet gevonden", "<p class=\"error\">\(HTML.both("Deze vergadering bestaat niet.", "There is no such assembly."))</p>", status: .notFound)
        }
        let turnout = try database.turnout(assembly: id)
        let head = try database.auditHead()
        let url = "http://\(request.head.authority ?? "127.0.0.1:8080")/"
        let quorum =
            turnout.quorum.needed == 0
            ? HTML.both("Geen quorum vereist", "No quorum required")
            : HTML.both(
                "Quorum: \(turnout.quorum.counted) van \(turnout.quorum.needed) — \(turnout.quorum.met ? "gehaald" : "nog niet gehaald")",
                "Quorum: \(turnout.quorum.counted) of \(turnout.quorum.needed) — \(turnout.quorum.met ? "met" : "not yet met")")
        var sections = ""
        for ballot in turnout.ballots {
            sections += "<section><h2>\(HTML.h(ballot.title))</h2>"
            if ballot.open {
                sections += "<p class=\"big\">\(HTML.both("\(ballot.votes) stemmen uitgebracht", "\(ballot.votes) votes cast"))</p>"
            } else if let record = try? database.ballot(ballot.id), let result = record.result {
                sections += Self.result(result, options: record.options)
            }
            sections += "</section>"
        }
        let body = """
            <h1>\(HTML.both("Vergadering van \(assembly.date)", "Assembly of \(assembly.date)"))</h1>
            <p>\(HTML.h(assembly.place))</p>
            <p class="big">\(HTML.both("\(turnout.present) aanwezig, \(turnout.represented) vertegenwoordigd, van \(turnout.electorate) leden",
                                       "\(turnout.present) present, \(turnout.represented) represented, of \(turnout.electorate) members"))</p>
            <p>\(quorum)</p>
            <div class="qr">\(QRCode.svg(url) ?? "")<p>\(HTML.both("Stem op uw telefoon:", "Vote on your phone:")) <strong>\(HTML.h(url))</strong></p></div>
            \(sections)
            <p class="head">\(HTML.both("Auditlog", "Audit log")): <code class="audit-head">\(head.size):\(head.root)</code></p>
            """
        return HTML.page("Projector", body, headers: [HTTPField.Name("Refresh")!: "10"])
    }

    /// A closed ballot's result: the outcome and a bar chart (SVG) of the counts.
    static func result(_ json: String, options: [BallotOption]) -> String {
        guard let result = JSONValue.parse(json) else { return "" }
        let names = Dictionary(uniqueKeysWithValues: options.map { ($0.id, $0.name) })
        var bars: [(String, Int)] = []
        var outcome = ""
        if result["method"]?.string == "yes-no" {
            bars = [("voor / yes", result["yes"]?.int ?? 0), ("tegen / no", result["no"]?.int ?? 0), ("blanco / abstain", result["blank"]?.int ?? 0)]
            var decided = result["outcome"]?.string ?? ""
            // After a tie the chair's recorded decision is the outcome.
            if decided == "chairDecides", let adopted = result["chairDecision"]?["adopted"]?.bool { decided = adopted ? "adopted" : "rejected" }
            let text =
                [
                    "adopted": ("Aangenomen", "Adopted"), "rejected": ("Verworpen", "Rejected"), "noQuorum": ("Geen quorum", "No quorum"),
                    "revote": ("De stemmen staken: opnieuw stemmen", "Tied: vote again"),
                    "chairDecides": ("De stemmen staken: de voorzitter beslist", "Tied: the chair decides"),
                ][decided] ?? (decided, decided)
            outcome = "<p class=\"big\">\(HTML.both(text.0, text.1))</p>"
            if let chair = result["chairDecision"]?["chair"]?.string {
                outcome += "<p>\(HTML.both("Na staking van stemmen besliste de voorzitter (\(chair)).", "After a tie the chair (\(chair)) decided."))</p>"
            }
            if result["quorum"]?["waived"]?.bool == true {
                outcome += "<p>\(HTML.both("Tweede vergadering: besloten zonder quorum.", "Second meeting: decided without quorum."))</p>"
            }
        } else {
            let elected: [String] = if case .array(let ids)? = result["elected"] { ids.compactMap(\.string).map { names[$0] ?? $0 } } else { [] }
            outcome = "<p class=\"big\">\(HTML.both("Gekozen: ", "Chosen: "))\(HTML.h(elected.joined(separator: ", ")))</p>"
            if case .array(let rounds)? = result["rounds"], case .array(let counts)? = rounds.first?["counts"] {
                bars = counts.compactMap { entry in
                    guard let id = entry["id"]?.string, let value = entry["value"]?.string.flatMap({ Int($0) }) else { return nil }
                    return (names[id] ?? id, value)
                }
            }
        }
        guard !bars.isEmpty else { return outcome }
        let maximum = max(1, bars.map(\.1).max() ?? 1)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 \(bars.count * 44)\" role=\"img\" aria-label=\"\(HTML.h(bars.map { "\($0.0): \($0.1)" }.joined(separator: ", ")))\">"
        for (index, bar) in bars.enumerated() {
            let width = 300 * bar.1 / maximum
            let y = index * 44
            svg +=
                "<text x=\"0\" y=\"\(y + 26)\" font-size=\"18\">\(HTML.h(bar.0))</text>"
                + "<rect x=\"220\" y=\"\(y + 8)\" width=\"\(max(width, 2))\" height=\"26\" fill=\"#0b5fff\"/>"
                + "<text x=\"\(226 + width)\" y=\"\(y + 28)\" font-size=\"18\">\(bar.1)</text>"
        }
        return outcome + svg + "</svg>"
    }
}
