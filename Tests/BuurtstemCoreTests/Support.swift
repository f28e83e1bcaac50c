import Foundation
import Statuut

@testable import BuurtstemCore

enum TestStatutes {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// One of the statutes in Statutes/.
    static func load(_ name: String) -> Statute {
        let url = repository.appendingPathComponent("Statutes/\(name).statuut")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        guard let statute = StatuteCompiler.compile(text, name: name).statute else { fatalError("\(name) does not compile") }
        return statute
    }

    static let wildeman = load("wildemanbuurt")
    static let soesterkwartier = load("soesterkwartier")
    static let vrijeUitloop = load("devrijeuitloop")
}

func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

func resident(
    _ id: String, _ postcode: String, _ number: Int, born: String? = "1980-05-01", in movedIn: String? = "2010-01-01",
    out movedOut: String? = nil, addition: String? = nil
) -> Resident {
    Resident(
        id: ResidentID(id), birth: born.map { .date(date($0)) },
        residences: [
            Residence(
                address: Address(postcode: try! Postcode(parsing: postcode), houseNumber: number, addition: addition),
                movedIn: movedIn.map(date), movedOut: movedOut.map(date))
        ])
}
