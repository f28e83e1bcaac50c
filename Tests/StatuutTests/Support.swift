import Foundation
import Statuut

/// Paths and golden-file helpers shared by the tests.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let statutes = repository.appendingPathComponent("Statutes")

    /// Files in a folder with an extension, sorted by name.
    static func files(in folder: URL, withExtension ext: String) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { folder.appendingPathComponent($0) }
    }

    static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// Whether golden files should be rewritten (`BUURTSTEM_UPDATE_GOLDEN=1 swift test`).
    static var updating: Bool { ProcessInfo.processInfo.environment["BUURTSTEM_UPDATE_GOLDEN"] == "1" }

    /// The golden text at `url`; writes `actual` there first when updating.
    static func golden(_ url: URL, actual: String) throws -> String {
        if updating { try actual.write(to: url, atomically: true, encoding: .utf8) }
        return (try? read(url)) ?? "<missing golden file \(url.lastPathComponent)>"
    }
}
