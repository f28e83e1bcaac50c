import BuurtstemCore
import Foundation
import Statuut
import Testing

@testable import BuurtstemDocuments
@testable import BuurtstemWeb

/// The message catalogue and the templates: every text in both languages with the same
/// placeholders, every key a template or the code names present, every template loaded.
@Suite("Message catalogue and templates")
struct CatalogueTests {
    static let sources = WebTests.repository.appendingPathComponent("Sources")

    static func files(_ ext: String) -> [URL] {
        (FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []).filter { $0.pathExtension == ext }
    }

    @Test("Dutch and English have the same keys, and each text names the same placeholders")
    func sameKeys() {
        let nl = Catalogue.texts[.nl] ?? [:]
        let en = Catalogue.texts[.en] ?? [:]
        #expect(!nl.isEmpty)
        #expect(Set(nl.keys).subtracting(en.keys).isEmpty, "missing in English: \(Set(nl.keys).subtracting(en.keys).sorted())")
        #expect(Set(en.keys).subtracting(nl.keys).isEmpty, "missing in Dutch: \(Set(en.keys).subtracting(nl.keys).sorted())")
        for (key, text) in nl {
            #expect(Catalogue.placeholders(text) == Catalogue.placeholders(en[key] ?? ""), "\(key): placeholders differ")
            #expect(!text.isEmpty && !(en[key] ?? "").isEmpty, "\(key) is empty")
        }
    }

    @Test("every key a template (t.key) or the code (Catalogue.text/both) names is in the catalogue")
    func keysExist() throws {
        let known = Set(Catalogue.texts[.nl]?.keys ?? [:].keys)
        var used: Set<String> = []
        for url in Self.files("mustache") {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /\{\{[#^\/]?t\.([A-Za-z0-9]+)\}\}/) { used.insert(String(match.1)) }
        }
        for url in Self.files("swift") {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /Catalogue\.(?:text|both|pair)\("([A-Za-z0-9]+)"/) { used.insert(String(match.1)) }
            // The command line's `say("key", …)`, `refusal("key", …)` and `Speech.text("key", …)`.
            for match in text.matches(of: /\b(?:say|refusal|Speech\.text)\("([A-Za-z0-9]+)"/) { used.insert(String(match.1)) }
            // The documents' local `t("key", …)` (a one-language shorthand for Catalogue.text).
            if url.path.contains("/BuurtstemDocuments/") {
                for match in text.matches(of: /\bt\("([A-Za-z0-9]+)"/) { used.insert(String(match.1)) }
            }
        }
        #expect(!used.isEmpty)
        #expect(used.subtracting(known).isEmpty, "not in the catalogue: \(used.subtracting(known).sorted())")
    }

    @Test("the command line speaks the environment's language: BUURTSTEM_LANG first, then the locale; English without one")
    func environmentLanguage() {
        #expect(Catalogue.language(forEnvironment: [:]) == .en)
        #expect(Catalogue.language(forEnvironment: ["LANG": "nl_NL.UTF-8"]) == .nl)
        #expect(Catalogue.language(forEnvironment: ["LANG": "C.UTF-8"]) == .en)
        #expect(Catalogue.language(forEnvironment: ["LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"]) == .en)
        #expect(Catalogue.language(forEnvironment: ["BUURTSTEM_LANG": "nl", "LC_ALL": "en_US.UTF-8"]) == .nl)
        #expect(Catalogue.language(forEnvironment: ["BUURTSTEM_LANG": "", "LANG": "nl_BE.UTF-8"]) == .nl)
    }

    @Test("the command line's keys made from a value exist for every value")
    func madeKeys() {
        let known = Set(Catalogue.texts[.nl]?.keys ?? [:].keys)
        let made =
            Assembly.State.allCases.map { "cliAssemblyState-\($0.rawValue)" }
            + ShareholderResponse.Kind.allCases.map { "cliResponse-\($0.rawValue)" }
        #expect(Set(made).subtracting(known).isEmpty, "not in the catalogue: \(Set(made).subtracting(known).sorted())")
    }

    @Test("every template file of the pages and the documents is loaded, and the stylesheets are there")
    func templatesLoad() throws {
        for url in Self.files("mustache") {
            let library = url.path.contains("BuurtstemWeb") ? PageTemplates.library : DocumentTemplates.library
            #expect(library.has(url.deletingPathExtension().lastPathComponent), "\(url.lastPathComponent) did not load")
        }
        #expect(PageTemplates.stylesheet.contains("font:") && Minutes.stylesheet.contains("@page"))
    }

    @Test("a template escapes what it shows: a ballot title with markup stays text")
    func escaping() {
        let html = PageTemplates.library.render(
            "public-board",
            [
                "t": Catalogue.table, "heading": Catalogue.both("boardHeading", ["title": "<script>alert(1)</script>"]),
                "receipts": ["A&B"], "choices": ["<b>"],
            ])
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>") && html.contains("A&amp;B") && html.contains("&lt;b&gt;"))
    }
}
