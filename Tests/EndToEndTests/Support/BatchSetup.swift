/// What the kill-and-resume tests start a batch with: a `cvm-emulator` of generated images, a
/// journal file, and the environment and flags that point the built `cvmsh` at both.
struct BatchSetup {
    let emulator: EmulatorProcess
    /// The journal file (`CVMSH_JOURNAL`).
    let journal: String
    /// The emulator's demo credentials and `CVMSH_JOURNAL`.
    let environment: [String: String]
    /// `--endpoint` (the emulator), `--region ap-nanjing` and `-y`.
    let common: [String]

    /// Starts an emulator of `images` generated images (30 ms latency, no rate limit, generated
    /// from `seed`) in `directory`; the journal is `journal`, by default `state/journal.jsonl`
    /// there.
    init(images: Int, seed: UInt64, directory: String, journal: String? = nil) async throws {
        emulator = try await EmulatorProcess(
            ["--generate", "\(images)", "--latency-ms", "30", "--rate-limit", "off", "--seed", "\(seed)"],
            directory: directory)
        let journal = journal ?? directory + "/state/journal.jsonl"
        self.journal = journal
        environment = emulator.credentials.merging(["CVMSH_JOURNAL": journal]) { $1 }
        common = ["--endpoint", emulator.endpoint, "--region", "ap-nanjing", "-y"]
    }
}
