package io.github.commerceconnector.core.credentials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.core.testsupport.KeyPems;
import io.github.commerceconnector.core.testsupport.TestCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class FileCredentialStoreTest extends WritableCredentialStoreContract {
    @TempDir
    Path directory;

    @Override
    CredentialStore newStore() {
        return CredentialStores.file(directory.resolve("store-" + System.nanoTime()).resolve("credentials.json"));
    }

    private Path file() {
        return directory.resolve("credentials.json");
    }

    @Test
    void createsTheFileReadableByItsOwnerOnly() throws IOException {
        CredentialStores.file(file()).put(SANDBOX);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    }

    @Test
    void createsMissingDirectoriesForItsOwnerOnly() throws IOException {
        Path nested = directory.resolve("var").resolve("connector").resolve("credentials.json");

        CredentialStores.file(nested).put(SANDBOX);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(nested.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(nested)));
    }

    @Test
    void keepsBothEnvironmentsAcrossReopening() {
        CredentialStore first = CredentialStores.file(file());
        first.put(SANDBOX);
        first.put(PRODUCTION);

        CredentialStore reopened = CredentialStores.file(file());

        assertEquals(SANDBOX, reopened.require(Environment.SANDBOX));
        assertEquals(PRODUCTION, reopened.require(Environment.PRODUCTION));
    }

    @Test
    void refusesToOpenAFileThatOtherUsersCanRead() throws IOException {
        CredentialStores.file(file()).put(SANDBOX);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> CredentialStores.file(file()));

        assertTrue(refused.getMessage().contains("chmod 600 " + file().toAbsolutePath()), refused.getMessage());
        assertTrue(refused.getMessage().contains("rw-r--r--"), refused.getMessage());
    }

    @Test
    void refusesToOpenAFileThatOtherUsersCanWrite() throws IOException {
        CredentialStores.file(file()).put(SANDBOX);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw--w----"));

        assertThrows(ConfigurationException.class, () -> CredentialStores.file(file()));
    }

    @Test
    void refusesToReadAFileMadeReadableToOthersAfterOpening() throws IOException {
        CredentialStore store = CredentialStores.file(file());
        store.put(SANDBOX);

        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r-----"));

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> store.find(Environment.SANDBOX));
        assertTrue(refused.getMessage().contains("chmod 600"), refused.getMessage());
    }

    @Test
    void refusesACorruptFileWithoutQuotingIt() throws IOException {
        String content = "{\"version\": 1, \"environments\": {\"sandbox\": {\"apiKey\": \"SecretApiKeyValue99\", "
                + "\"privateKey\": \"MIIEvQIBADANBgkqhkiG9w0BAQEFAASC";
        writeOwnerOnly(content);

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> CredentialStores.file(file()));

        assertTrue(refused.getMessage().contains("not valid JSON"), refused.getMessage());
        assertTrue(refused.getMessage().contains(file().toAbsolutePath().toString()), refused.getMessage());
        assertFalse(refused.getMessage().contains("SecretApiKeyValue99"), refused.getMessage());
        assertFalse(refused.getMessage().contains("MIIEvQIB"), refused.getMessage());
        assertEquals(null, refused.getCause());
    }

    @Test
    void refusesAFileWithAMissingField() throws IOException {
        writeOwnerOnly("{\"version\": 1, \"environments\": {\"sandbox\": {\"apiKey\": \"apikey-sandbox-1234\"}}}");

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> CredentialStores.file(file()));

        assertTrue(refused.getMessage().contains("no \"privateKey\" in the sandbox entry"), refused.getMessage());
    }

    @Test
    void refusesAFileOfAnotherFormatVersion() throws IOException {
        writeOwnerOnly("{\"version\": 2, \"environments\": {}}");

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> CredentialStores.file(file()));

        assertTrue(refused.getMessage().contains("format version 2"), refused.getMessage());
    }

    @Test
    void refusesAFileHoldingARefusedKey() throws IOException {
        writeOwnerOnly("{\"version\": 1, \"environments\": {\"production\": {\"apiKey\": \"apikey-production-1234\", "
                + "\"privateKey\": " + jsonString(KeyPems.publicKey(KeyPems.rsa())) + "}}}");

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> CredentialStores.file(file()));

        assertTrue(refused.getMessage().contains("production private key that is refused: This is a public key"),
                refused.getMessage());
    }

    @Test
    void refusesADirectoryInPlaceOfTheFile() throws IOException {
        Files.createDirectories(file());

        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> CredentialStores.file(file()));

        assertTrue(refused.getMessage().contains("not a regular file"), refused.getMessage());
    }

    @Test
    void picksUpKeysThatAnotherProcessWroteAndTellsListeners() {
        CredentialStore reader = CredentialStores.file(file());
        List<Optional<ServiceCredentials>> told = new ArrayList<>();
        reader.addListener((environment, current) -> told.add(current));
        CredentialStore writer = CredentialStores.file(file());

        writer.put(SANDBOX);
        assertEquals(SANDBOX, reader.require(Environment.SANDBOX));
        writer.put(SANDBOX_ROTATED);
        assertEquals(SANDBOX_ROTATED, reader.require(Environment.SANDBOX));
        writer.remove(Environment.SANDBOX);
        assertEquals(Optional.empty(), reader.find(Environment.SANDBOX));

        assertEquals(List.of(Optional.of(SANDBOX), Optional.of(SANDBOX_ROTATED), Optional.empty()), told);
    }

    @Test
    void seesNoKeysOnceTheFileIsDeleted() throws IOException {
        CredentialStore store = CredentialStores.file(file());
        store.put(SANDBOX);

        Files.delete(file());

        assertEquals(Optional.empty(), store.find(Environment.SANDBOX));
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        CredentialStore store = CredentialStores.file(file());
        store.put(SANDBOX);
        store.put(SANDBOX_ROTATED);
        store.remove(Environment.SANDBOX);

        assertEquals(List.of("credentials.json"), fileNames());
    }

    @Test
    void deletesTemporaryFilesThatACrashedWriteLeftBehind() throws IOException {
        CredentialStores.file(file()).put(SANDBOX);
        Files.writeString(directory.resolve(".credentials.json.8812345.tmp"), "{\"half\": ");

        CredentialStore reopened = CredentialStores.file(file());

        assertEquals(SANDBOX, reopened.require(Environment.SANDBOX));
        assertEquals(List.of("credentials.json"), fileNames());
    }

    @Test
    void keepsThePreviousFileAndKeysWhenWritingFails() throws IOException {
        Path longName = directory.resolve("c".repeat(245) + ".json");
        Files.writeString(longName, "{\"version\": 1, \"environments\": {\"sandbox\": {\"apiKey\": "
                + jsonString(SANDBOX.apiKey().value()) + ", \"privateKey\": "
                + jsonString(SANDBOX.privateKey().reveal()) + "}}}");
        Files.setPosixFilePermissions(longName, PosixFilePermissions.fromString("rw-------"));
        byte[] before = Files.readAllBytes(longName);
        CredentialStore store = CredentialStores.file(longName);

        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> store.put(SANDBOX_ROTATED));

        assertTrue(refused.getMessage().contains("previous file is unchanged"), refused.getMessage());
        assertEquals(SANDBOX, store.require(Environment.SANDBOX));
        assertArrayEquals(before, Files.readAllBytes(longName));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anotherInstanceNeverReadsAHalfWrittenFileWhileKeysRotate() throws Exception {
        CredentialStore writer = CredentialStores.file(file());
        List<ServiceCredentials> pairs = List.of(SANDBOX, SANDBOX_ROTATED, TestCredentials.of(Environment.SANDBOX, 2));
        writer.put(pairs.get(0));
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean rotating = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                CredentialStore reader = CredentialStores.file(file());
                reads.add(pool.submit(() -> {
                    int count = 0;
                    while (rotating.get()) {
                        ServiceCredentials read = reader.require(Environment.SANDBOX);
                        if (!TestCredentials.belongTogether(read)) {
                            failures.add(new AssertionError("mixed pair " + read.apiKey()));
                        }
                        count++;
                    }
                    return count;
                }));
            }
            for (int i = 1; i <= 100; i++) {
                writer.put(pairs.get(i % pairs.size()));
            }
            rotating.set(false);
            for (Future<Integer> read : reads) {
                assertTrue(read.get(60, TimeUnit.SECONDS) > 0);
            }
        } finally {
            rotating.set(false);
            pool.shutdownNow();
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void worksWithoutPermissionChecksOnAFileSystemWithoutPosixPermissions() throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(directory.resolve("keys.zip"), Map.of("create", "true"))) {
            Path inZip = zip.getPath("/connector/credentials.json");
            CredentialStore store = CredentialStores.file(inZip);

            store.put(SANDBOX);
            store.put(SANDBOX_ROTATED);

            assertEquals(SANDBOX_ROTATED, CredentialStores.file(inZip).require(Environment.SANDBOX));
        }
    }

    private void writeOwnerOnly(String content) throws IOException {
        Files.writeString(file(), content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static String jsonString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
