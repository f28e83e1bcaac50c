public import BuurtstemCore
import Crypto
import Foundation
public import GRDB
public import Statuut
import Synchronization

/// A statute version as stored: its text, hash, and the day it takes effect.
public struct StatuteVersion: Sendable, Hashable {
    public var id: StatuteVersionID
    public var validFrom: CivilDate
    public var name: String
    public var source: String
    public var sha256: String
    public var fileName: String
    /// How it was adopted: `founding`, `adopted`, later `amendment ballot N`.
    public var adoptedHow: String
}

extension AppDatabase {
    /// Creates the association from its founding statute. Fails on a statute with errors or on a
    /// database that already holds an association.
    @discardableResult
    public func createAssociation(
        statuteSource: String, fileName: String, validFrom: CivilDate? = nil,
        actor: AuditActor = .system
    ) throws -> StatuteVersion {
        let statute = try Self.validStatute(statuteSource, fileName: fileName)
        let from = validFrom ?? statute.validFrom ?? clock.today()
        return try writer.write { db in
            guard try AssociationRow.one(db) == nil else {
                throw StoreError(nl: "deze database bevat al een vereniging", en: "this database already holds an association")
            }
            let now = clock.now()
            try AssociationRow(name: statute.name, createdAt: now.description).insert(db)
            var audit = try AuditAppender(db, at: now)
            try audit.append(actor: actor, AssociationCreated(name: statute.name))
            let version = try insertVersion(
                db, statute: statute, source: statuteSource, fileName: fileName, from: from,
                how: "founding", audit: &audit, actor: actor)
            try audit.finish(db)
            return version
        }
    }

    /// Adds a statute version that takes effect on `from`. Later issues gate this behind an
    /// amendment ballot; for now the board adopts it directly.
    @discardableResult
    public func adoptStatute(
        source: String, fileName: String, from: CivilDate, how: String = "adopted",
        actor: AuditActor = .system
    ) throws -> StatuteVersion {
        let statute = try Self.validStatute(source, fileName: fileName)
        return try writer.write { db in
            guard try AssociationRow.one(db) != nil else {
                throw StoreError(nl: "nog geen vereniging: voer eerst `buurtstem init` uit", en: "no association yet: run `buurtstem init` first")
            }
            if let existing = try StatuteVersionRow.filter(Column("valid_from") == from).fetchOne(db)?.validFrom {
                throw StoreError(
                    nl: "er gaat al een statuutversie in op \(existing); kies een andere datum",
                    en: "a statute version already takes effect on \(existing); choose another date")
            }
            var audit = try AuditAppender(db, at: clock.now())
            let version = try insertVersion(db, statute: statute, source: source, fileName: fileName, from: from, how: how, audit: &audit, actor: actor)
            try audit.finish(db)
            return version
        }
    }

    private func insertVersion(
        _ db: Database, statute: Statute, source: String, fileName: String, from: CivilDate,
        how: String, audit: inout AuditAppender, actor: AuditActor
    ) throws -> StatuteVersion {
        let hash = Hash(Array(SHA256.hash(data: Data(source.utf8)))).description
        var row = StatuteVersionRow(
            validFrom: from, name: statute.name, source: source, sha256: hash, fileName: fileName, adoptedHow: how, adoptedAt: clock.now().description)
        try row.insert(db)
        let version = try row.version
        try audit.append(
            actor: actor,
            StatuteAdopted(version: version.id.rawValue, validFrom: from, sha256: hash, file: fileName, how: how, name: statute.name))
        return version
    }

    /// All statute versions, oldest first.
    public func statuteVersions() throws -> [StatuteVersion] {
        try writer.read { db in
            try Self.versions(db)
        }
    }

    /// The statute in force on `date`, with its version.
    public func statute(on date: CivilDate) throws -> (statute: Statute, version: StatuteVersion) {
        try writer.read { db in try Self.statute(db, on: date) }
    }

    /// The statute in force on `date`, inside a transaction the caller holds.
    static func statute(_ db: Database, on date: CivilDate) throws -> (statute: Statute, version: StatuteVersion) {
        let versions = try versions(db)
        guard let version = versions.last(where: { $0.validFrom <= date }) else {
            if let first = versions.first {
                throw StoreError(
                    nl: "op \(date) was er geen statuut van kracht: de eerste versie gaat in op \(first.validFrom)",
                    en: "no statute was in force on \(date): the first version takes effect on \(first.validFrom)")
            }
            throw StoreError(nl: "nog geen vereniging: voer eerst `buurtstem init` uit", en: "no association yet: run `buurtstem init` first")
        }
        let statute = try Self.validStatute(version.source, fileName: version.fileName)
        return (statute, version)
    }

    /// Compiled statutes by file name and SHA-256 of their text: every page and command that needs
    /// the statute in force asks for it, and compiling is the costly part (about a millisecond).
    private static let compiled = Mutex<[String: Statute]>([:])

    static func validStatute(_ source: String, fileName: String) throws -> Statute {
        let key = fileName + "\u{0}" + Hash.sha256(Array(source.utf8)).description
        if let statute = compiled.withLock({ $0[key] }) { return statute }
        let result = StatuteCompiler.compile(source, name: fileName)
        guard let statute = result.statute else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            throw StoreError(
                nl: "\(fileName) heeft \(errors.count) \(errors.count == 1 ? "fout" : "fouten"); voer `buurtstem statute check \(fileName)` uit",
                en: "\(fileName) has \(errors.count) error\(errors.count == 1 ? "" : "s"); run `buurtstem statute check \(fileName)`")
        }
        compiled.withLock { cache in
            if cache.count > 64 { cache.removeAll() }
            cache[key] = statute
        }
        return statute
    }

    static func versions(_ db: Database) throws -> [StatuteVersion] {
        try StatuteVersionRow.order(Column("valid_from")).fetchAll(db).map { try $0.version }
    }
}
