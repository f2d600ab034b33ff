import Foundation
import Testing
@testable import Ingest
@testable import LibEtpan
import MailroomTesting

/// Chain and host-name verification with a throwaway CA made by openssl (the system store is swapped for it).
@Suite("Server certificate verification")
struct ServerCertificateCheckTests {
    struct Material {
        var caDER: Data
        var leafDER: Data
    }

    static func makeChain(in dir: String) throws -> Material {
        let script = """
            set -e
            cd '\(dir)'
            openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=Test-CA \
              -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
              -keyout ca.key -out ca.pem 2>/dev/null
            openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=mail.test.example \
              -keyout leaf.key -out leaf.csr 2>/dev/null
            printf 'subjectAltName=DNS:mail.test.example\\nbasicConstraints=CA:FALSE\\nextendedKeyUsage=serverAuth\\n' > ext
            openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile ext -out leaf.pem 2>/dev/null
            openssl x509 -in ca.pem -outform DER -out ca.der
            openssl x509 -in leaf.pem -outform DER -out leaf.der
            """
        _ = try DovecotTestServer.execute("/bin/bash", ["-c", script])
        return Material(caDER: try Data(contentsOf: URL(fileURLWithPath: dir + "/ca.der")),
                        leafDER: try Data(contentsOf: URL(fileURLWithPath: dir + "/leaf.der")))
    }

    @Test("a chain to a trusted root with the right host name passes; a wrong host or an unknown root is refused")
    func chainAndHostName() throws {
        let scratch = try IngestScratch("certs")
        defer { scratch.remove() }
        let m = try Self.makeChain(in: scratch.root)
        let roots = try ServerCertificateCheck.trustStore([m.caDER])

        try ServerCertificateCheck.verify(chain: [m.leafDER, m.caDER], host: "mail.test.example", port: 993,
                                          pinnedSHA256: nil, trustRoots: roots)
        try ServerCertificateCheck.verify(chain: [m.leafDER], host: "mail.test.example", port: 993,
                                          pinnedSHA256: nil, trustRoots: roots)
        #expect(throws: IMAPProtocolError.self) {
            try ServerCertificateCheck.verify(chain: [m.leafDER, m.caDER], host: "other.example", port: 993,
                                              pinnedSHA256: nil, trustRoots: roots)
        }
        do {
            try ServerCertificateCheck.verify(chain: [m.leafDER, m.caDER], host: "mail.test.example", port: 993,
                                              pinnedSHA256: nil, trustRoots: try ServerCertificateCheck.trustStore([]))
            Issue.record("a chain to an untrusted root was accepted")
        } catch let error as IMAPProtocolError {
            #expect("\(error)".contains("mail.test.example:993"))
            #expect(error.kind == .tls)
        }
        // Pinning accepts exactly that leaf, whatever the roots, and nothing else.
        let pin = ServerCertificateCheck.fingerprint(m.leafDER)
        try ServerCertificateCheck.verify(chain: [m.leafDER], host: "anything", port: 993, pinnedSHA256: pin.uppercased(),
                                          trustRoots: try ServerCertificateCheck.trustStore([]))
        #expect(throws: IMAPProtocolError.self) {
            try ServerCertificateCheck.verify(chain: [m.caDER], host: "anything", port: 993, pinnedSHA256: pin,
                                              trustRoots: roots)
        }
    }
}
