import BuurtstemCore
import BuurtstemStore
import Foundation
import GRDB
import Statuut

enum StoreFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func statuteText(_ name: String) -> String {
        (try? String(contentsOf: repository.appendingPathComponent("Statutes/\(name).statuut"), encoding: .utf8)) ?? ""
    }

    static let clock = WallClock.fixed(Moment(CivilDate(iso: "2026-11-01")!, seconds: 36_000))

    /// A fresh in-memory association with the given statute.
    static func database(_ statute: String = "wildemanbuurt") throws -> AppDatabase {
        let db = try AppDatabase.inMemory(clock: clock)
        try db.createAssociation(statuteSource: statuteText(statute), fileName: "\(statute).statuut")
        return db
    }

    static func extract(_ csv: String, on date: String) throws -> RegisterExtract {
        try RegisterParser.parse(Array(csv.utf8), today: CivilDate(iso: date)!)
    }
}

func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }
