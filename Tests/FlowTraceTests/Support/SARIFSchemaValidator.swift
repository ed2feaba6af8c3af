import Foundation

/// Validates a SARIF file against the published SARIF 2.1.0 JSON schema
/// (`../shared/schemas/sarif-schema-2.1.0.json` from the package root) with Python's `jsonschema`,
/// reading the child's output while it runs.
enum SARIFSchemaValidator {
    static let schemaPath = BinaryRunner.packageRoot.appendingPathComponent("../shared/schemas/sarif-schema-2.1.0.json")
        .standardizedFileURL.path

    private static let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        document = json.load(open(sys.argv[2]))
        validator = jsonschema.validators.validator_for(schema)(schema)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors:
            print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
        sys.exit(1 if errors else 0)
        """

    /// Whether python3 with `jsonschema` and the schema file are there.
    static let isAvailable: Bool = {
        FileManager.default.fileExists(atPath: schemaPath)
            && ((try? run(["-c", "import jsonschema"]))?.status == 0)
    }()

    /// The schema violations in the SARIF file at `path` (empty when it is valid).
    static func violations(ofFileAt path: String) throws -> [String] {
        let result = try run(["-c", script, schemaPath, path])
        if result.status != 0 && result.output.isEmpty { return ["validator failed: \(result.errors)"] }
        return result.output.split(separator: "\n").map(String.init)
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outputData = Data()
        nonisolated(unsafe) var errorData = Data()
        DispatchQueue.global().async(group: group) { outputData = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}
