import Foundation
import Parse

/// The document fixtures (PDF, DOCX, XLSX, CSV, text) of the Parse tests, also read by the Understand tests.
package enum DocumentFixtures {
    package static let directory = Repository.root.appendingPathComponent("Tests/ParseTests/Fixtures/documents")
    /// The e-invoice fixtures of the Understand tests (a PDF's embedded XML is compared with them).
    package static let einvoiceDirectory = Repository.root.appendingPathComponent("Tests/UnderstandTests/Fixtures/einvoice")

    package static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// poppler-utils is installed by deploy/install-deps.sh; a test that needs it says loudly when it is missing.
    package static var popplerInstalled: Bool {
        let present = LimitedSubprocess.locate("pdftotext") != nil && LimitedSubprocess.locate("pdfdetach") != nil
        if !present {
            print("⚠️  SKIPPED: poppler-utils (pdftotext, pdfdetach) is not installed; run deploy/install-deps.sh")
        }
        return present
    }
}

