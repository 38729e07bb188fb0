// Remote log directories (ssh://) against a real OpenSSH server started by the test
// (tests/support/ssh_test_server.h): lantern-cli's exports over SSH equal the local ones byte
// for byte, compressed files and on-demand images read back, a growing file and a server that
// dies and comes back lose and duplicate nothing, a password or keyboard-interactive answer is
// typed on the terminal, and every refusal (host key unknown or changed, wrong key, wrong
// password, bad path) gives its precise message. Skips, saying why, when sshd cannot start here.

#include "core/io/logdir_spec.h"
#include "core/io/path_text.h"
#include "core/load/blob_reader.h"
#include "core/load/logdir_loader.h"
#include "core/remote/shell_quote.h"
#include "core/remote/ssh_hosts.h"
#include "core/remote/ssh_url.h"
#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"
#include "tests/support/checkpoint_writer.h"
#include "tests/support/cli_process.h"
#include "tests/support/ssh_test_server.h"
#include "tests/support/terminal_process.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;

namespace {

QString native(const fs::path& path)
{
    return QString::fromStdString(pathText(path));
}

std::size_t scalarPointCount(const LogdirLoader& loader)
{
    std::size_t points = 0;
    for (const RunData* run : loader.runs())
        for (const auto& [tag, data] : run->tags)
            points += data.scalars().size();
    return points;
}

// Every scalar point as "run tag step value" lines: what two loads must agree on.
std::string scalarDump(const LogdirLoader& loader)
{
    std::string dump;
    for (const RunData* run : loader.runs())
        for (const auto& [tag, data] : run->tags)
            for (const ScalarPoint& point : data.scalars().snapshot().points()) {
                dump += run->name + " " + std::string(tag) + " " + std::to_string(point.step) + " "
                    + std::to_string(point.value) + "\n";
            }
    return dump;
}

EventFileWriterOptions writerOptions(RecordCompression compression = RecordCompression::None)
{
    EventFileWriterOptions options;
    options.compression = compression;
    options.wallTime = 10.0;
    return options;
}

} // namespace

class TestRemoteLogdirs : public QObject {
    Q_OBJECT

    SshTestServer m_server;
    QTemporaryDir m_data; // what the server serves: this machine's own files
    bool m_up = false;

    CliResult runCli(const QStringList& arguments)
    {
        return runProgram(QStringLiteral(LANTERN_CLI), arguments, m_server.clientEnvironment());
    }

    // `lantern-cli export` of the remote spec and of the local one: both must succeed.
    void expectSameExport(const QString& localPath, const QStringList& extra = {})
    {
        const CliResult local = runCli(QStringList {QStringLiteral("export"), localPath} + extra);
        const CliResult remote
            = runCli(QStringList {QStringLiteral("export"), m_server.url(localPath)} + extra);
        QVERIFY2(local.exitCode == 0, local.err.constData());
        QVERIFY2(remote.exitCode == 0, remote.err.constData());
        QVERIFY(local.out.count('\n') > 1);
        QCOMPARE(remote.out, local.out);
    }

    // A logdir of one run `name` with `steps` scalar points, in its own folder.
    fs::path writeLogdir(
        const QString& folder, int steps, RecordCompression compression = RecordCompression::None)
    {
        const fs::path logdir = pathFromText(m_data.filePath(folder).toStdString());
        EventFileWriter writer(logdir / "run", writerOptions(compression));
        for (int step = 0; step < steps; ++step)
            writer.addScalar("loss", step, float(step) * 0.5f, 10.0 + step);
        return logdir;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        m_up = m_server.start();
        if (!m_up)
            QSKIP(qPrintable(QStringLiteral("no SSH server: ") + m_server.why()));
        m_server.becomeClient(); // in-process loads: the same set-up as the lantern-cli runs
    }

    void init()
    {
        if (m_up) // a test that stopped the server may have failed before restarting it
            QVERIFY2(m_server.ensureRunning(), qPrintable(m_server.why()));
    }

    void cleanupTestCase() { SshHosts::shared().closeAll(); }

    void urlsAndSpecsAreParsed()
    {
        const auto url = parseSshUrl("ssh://me@gpu-box:2222/home/me/my runs");
        QVERIFY(url);
        QCOMPARE(url->user, std::string("me"));
        QCOMPARE(url->host, std::string("gpu-box"));
        QCOMPARE(url->port.value_or(0), 2222);
        QCOMPARE(url->path, std::string("/home/me/my runs"));
        QCOMPARE(url->text(), std::string("ssh://me@gpu-box:2222/home/me/my runs"));
        const auto alias = parseSshUrl("ssh://box/logs");
        QVERIFY(alias && alias->user.empty() && !alias->port && alias->host == "box");
        const auto ipv6 = parseSshUrl("ssh://[::1]:22/x");
        QVERIFY(ipv6 && ipv6->host == "::1" && ipv6->origin() == "ssh://[::1]:22");
        std::string error;
        QVERIFY(!parseSshUrl("ssh://box", &error));
        QVERIFY(error.starts_with("no path after the host"));
        QVERIFY(!parseSshUrl("ssh://box:0/x", &error));
        QVERIFY(!parseSshUrl("ssh://-oProxyCommand=x/x", &error));
        QCOMPARE(error, std::string("a host or user name cannot start with '-'"));

        const LogdirSpec named = parseLogdirSpec("train:ssh://box:2222/runs");
        QCOMPARE(named.name, std::string("train"));
        QCOMPARE(pathText(named.path), std::string("ssh://box:2222/runs"));
        QVERIFY(parseLogdirSpec("ssh://box/runs").name.empty());

        QCOMPARE(shellQuote("a b'$(x)"), std::string("'a b'\\''$(x)'"));
    }

    void exportOverSshEqualsLocal_data()
    {
        QTest::addColumn<QString>("corpusCase");
        QTest::newRow("tf2 keras") << QStringLiteral("b01_tf2_keras_callback_and_custom_loop");
        QTest::newRow("duplicate steps")
            << QStringLiteral("c07_torch_reducer_strict_lax_duplicate_steps");
        QTest::newRow("many files")
            << QStringLiteral("d03_tensorboardx_add_scalars_hpc_many_files");
    }
    void exportOverSshEqualsLocal()
    {
        QFETCH(QString, corpusCase);
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        expectSameExport(native(*corpus / pathFromText(corpusCase.toStdString())));
        if (corpusCase.startsWith(QStringLiteral("b01")))
            expectSameExport(native(*corpus / pathFromText(corpusCase.toStdString())),
                {QStringLiteral("--format"), QStringLiteral("json")});
    }

    // What `lantern-cli inspect --json` says of `localPath` over SSH, with the URLs spelled as
    // the local paths they serve, so that it can equal the local answer.
    QByteArray inspectJsonOverSsh(const QString& localPath)
    {
        const CliResult remote = runCli(
            {QStringLiteral("inspect"), QStringLiteral("--json"), m_server.url(localPath)});
        if (remote.exitCode != 0)
            qWarning("%s", remote.err.constData());
        const QByteArray origin = m_server.url(QString()).toUtf8();
        return QByteArray(remote.out).replace(origin, QByteArray());
    }

    // `lantern-cli project` of each embedding `inspect` lists: the same coordinates (the same
    // values, read from the same files) over SSH as locally.
    void expectSameProjections(const QString& localPath, const QByteArray& inspectJson)
    {
        const QJsonArray embeddings
            = QJsonDocument::fromJson(inspectJson).object().value("embeddings").toArray();
        QVERIFY2(!embeddings.isEmpty(), inspectJson.constData());
        QTemporaryDir out;
        for (const QJsonValue& embedding : embeddings) {
            const auto project = [&](const QString& spec, const QString& file) {
                return runCli({QStringLiteral("project"), spec, QStringLiteral("--embedding"),
                    embedding.toObject().value("name").toString(), QStringLiteral("--run"),
                    embedding.toObject().value("run").toString(), QStringLiteral("--method"),
                    QStringLiteral("pca"), QStringLiteral("--out"), out.filePath(file)});
            };
            const CliResult local = project(localPath, QStringLiteral("local.tsv"));
            const CliResult remote = project(m_server.url(localPath), QStringLiteral("remote.tsv"));
            QVERIFY2(local.exitCode == 0, local.err.constData());
            QVERIFY2(remote.exitCode == 0, remote.err.constData());
            const std::string coordinates
                = readBytes(pathFromText(out.filePath(QStringLiteral("local.tsv")).toStdString()));
            QVERIFY(std::count(coordinates.begin(), coordinates.end(), '\n') > 1);
            QVERIFY(
                readBytes(pathFromText(out.filePath(QStringLiteral("remote.tsv")).toStdString()))
                == coordinates);
        }
    }

    void compressedFilesAndHistogramsOverSsh()
    {
        writeLogdir(QStringLiteral("compressed/gzip"), 500, RecordCompression::Gzip);
        writeLogdir(QStringLiteral("compressed/zlib"), 500, RecordCompression::Zlib);
        expectSameExport(m_data.filePath(QStringLiteral("compressed")));
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        expectSameExport(native(*corpus / "c10_mlagents_torch_text_histo"),
            {QStringLiteral("--kind"), QStringLiteral("histograms")});
    }

    void imagesAreReadBackOnDemandOverSsh()
    {
        const fs::path logdir
            = pathFromText(m_data.filePath(QStringLiteral("images")).toStdString());
        std::vector<std::string> written;
        {
            EventFileWriter writer(logdir / "run", writerOptions(RecordCompression::Gzip));
            for (int step = 0; step < 20; ++step) {
                std::vector<std::uint8_t> pixels(4 * 4 * 3, std::uint8_t(step * 10));
                written.push_back(encodePng(4, 4, 3, pixels));
                writer.addImage(
                    "sample", step, std::vector<EncodedImage> {{4, 4, 3, written.back()}});
            }
            QVERIFY(writer.ok());
        }
        LogdirLoader loader({{"", pathFromText(m_server.url(native(logdir)).toStdString())}});
        loader.reload();
        const auto snapshot = loader.snapshot();
        const auto& problems = snapshot->discoveryProblems;
        QVERIFY2(problems.empty(), problems.empty() ? "" : problems[0].c_str());
        const RunSnapshot* run = snapshot->find("run");
        QVERIFY(run);
        const TagSnapshot* tag = run->find("sample");
        QVERIFY(tag);
        QCOMPARE(tag->blobs.size(), written.size());
        for (const std::size_t i :
            {std::size_t(0), std::size_t(13), std::size_t(19), std::size_t(2)}) {
            const BlobReference reference = blobReference(*run, *tag, i);
            QVERIFY(pathText(reference.file).starts_with("ssh://"));
            const DecodedBlobs blobs = readBlobs(reference);
            QVERIFY2(blobs.ok(), blobs.error.c_str());
            QCOMPARE(blobs.images.size(), std::size_t(1));
            QVERIFY(blobs.images[0].encoded == written[i]);
        }
    }

    // Configs, metadata, TSV tensors, sprites and V2 checkpoints (TF1 Saver, TF2 object
    // checkpoints, Keras callbacks) read over SFTP as from the disk: inspect lists the same
    // embeddings, shapes, metadata, sprites and problems, and the values project the same.
    void projectorOverSshEqualsLocal_data()
    {
        QTest::addColumn<QString>("corpusCase");
        QTest::addColumn<bool>("project"); // not the 784-wide ones: PCA takes seconds under ASan
        QTest::newRow("tsv, metadata, sprite")
            << QStringLiteral("c01_torch_tutorial_images_graph_embedding") << false;
        QTest::newRow("two tsv") << QStringLiteral("c05_torch_embeddings_two_tags") << true;
        QTest::newRow("sprite, checkpoint, root")
            << QStringLiteral("f04_tf1_projector_sprite_checkpoint_minimal/minimalsample") << false;
        QTest::newRow("tf2 checkpoint")
            << QStringLiteral("f07_tf2_ckpt_projector_backslash_path") << true;
        QTest::newRow("broken paths")
            << QStringLiteral("f06_tf1_keras_embeddings_callback_broken_paths") << false;
    }
    void projectorOverSshEqualsLocal()
    {
        QFETCH(QString, corpusCase);
        QFETCH(bool, project);
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        const QString local = native(*corpus / pathFromText(corpusCase.toStdString()));
        const CliResult inspect
            = runCli({QStringLiteral("inspect"), QStringLiteral("--json"), local});
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        QVERIFY2(inspect.out.contains("\"embeddings\": [\n {"), inspect.out.constData());
        QCOMPARE(inspectJsonOverSsh(local), inspect.out);
        if (project)
            expectSameProjections(local, inspect.out);
    }

    // A V1 checkpoint (a table of slices per file, sharded) and a raw float32 tensor file.
    void projectorV1CheckpointOverSshEqualsLocal()
    {
        const fs::path logdir = pathFromText(m_data.filePath(QStringLiteral("v1")).toStdString());
        std::vector<float> values;
        for (int i = 0; i < 24; ++i)
            values.push_back(float(i * i % 17) - 8.5f);
        const auto half = [&](int from) {
            return std::vector<float>(values.begin() + from, values.begin() + from + 12);
        };
        QVERIFY(writeV1Checkpoint(logdir / "model.ckpt-7-00000-of-00002",
            {{"words", {1, {6, 4}, {{{0, 0}, {3, -1}, half(0)}}}}}));
        QVERIFY(writeV1Checkpoint(logdir / "model.ckpt-7-00001-of-00002",
            {{"words", {1, {6, 4}, {{{3, 0}, {3, -1}, half(12)}}}}}));
        // "?????" escaped: "??-" is a trigraph to older compilers.
        writeBytes(
            logdir / "checkpoint", "model_checkpoint_path: \"model.ckpt-7-\?\?\?\?\?-of-00002\"\n");
        writeBytes(logdir / "raw.bytes",
            std::string(reinterpret_cast<const char*>(values.data()), 24 * sizeof(float)));
        writeBytes(logdir / "projector_config.pbtxt",
            "embeddings { tensor_name: \"raw\" tensor_path: \"raw.bytes\" "
            "tensor_shape: [6, 4] }\nembeddings { tensor_name: \"words\" }\n");
        writeLogdir(QStringLiteral("v1"), 3);
        const CliResult inspect
            = runCli({QStringLiteral("inspect"), QStringLiteral("--json"), native(logdir)});
        QVERIFY2(inspect.exitCode == 0, inspect.err.constData());
        QVERIFY2(inspect.out.contains("\"kind\": \"checkpoint\"")
                && inspect.out.contains("\"kind\": \"binary\""),
            inspect.out.constData());
        QCOMPARE(inspectJsonOverSsh(native(logdir)), inspect.out);
        expectSameProjections(native(logdir), inspect.out);
    }

    void appendedPointsArriveOnReload()
    {
        const fs::path logdir = pathFromText(m_data.filePath(QStringLiteral("live")).toStdString());
        EventFileWriter writer(logdir / "run", writerOptions());
        for (int step = 0; step < 100; ++step)
            writer.addScalar("loss", step, float(step));
        writer.flush();
        LogdirLoader loader({{"", pathFromText(m_server.url(native(logdir)).toStdString())}});
        loader.reload();
        QCOMPARE(scalarPointCount(loader), std::size_t(100));
        for (int step = 100; step < 250; ++step)
            writer.addScalar("loss", step, float(step));
        writer.flush();
        const LoadStatistics again = loader.reload();
        QCOMPARE(scalarPointCount(loader), std::size_t(250));
        QCOMPARE(again.records, std::uint64_t(150)); // only what was appended was read
        loader.reload();
        QCOMPARE(scalarPointCount(loader), std::size_t(250));
    }

    // Round trips are what a distant host makes slow: they are counted.
    void unchangedReloadIsOneListing()
    {
        const fs::path logdir = pathFromText(m_data.filePath(QStringLiteral("many")).toStdString());
        for (int run = 0; run < 30; ++run) {
            EventFileWriter writer(logdir / ("run" + std::to_string(run)), writerOptions());
            writer.addScalar("loss", 0, 1.0f);
        }
        const std::string url = m_server.url(native(logdir)).toStdString();
        std::string error;
        const auto connection = SshHosts::shared().connect(*parseSshUrl(url), error);
        QVERIFY2(connection, error.c_str());
        const SshRequests start = connection->requests();
        LogdirLoader loader({{"", pathFromText(url)}});
        QCOMPARE(loader.reload().records, std::uint64_t(30 * 2)); // file version + point
        const SshRequests before = connection->requests();
        // A new file is opened once: its head, compression and records from one source.
        QCOMPARE(before.filesOpened - start.filesOpened, std::size_t(30));

        for (int reload = 0; reload < 3; ++reload)
            QCOMPARE(loader.reload().records, std::uint64_t(0));
        const SshRequests after = connection->requests();
        // One script to the shell kept open per reload: no new channel, no file opened or
        // looked at one by one.
        QCOMPARE(after.shellScripts - before.shellScripts, std::size_t(3));
        QCOMPARE(after.channelsOpened, before.channelsOpened);
        QCOMPARE(after.filesOpened, before.filesOpened);
        QCOMPARE(after.stats, before.stats);
        QCOMPARE(after.directoriesOpened, std::size_t(0)); // listed by find, not walked
        QCOMPARE(loader.runs().size(), std::size_t(30));
    }

    void serverRestartLosesAndDuplicatesNothing()
    {
        const fs::path logdir
            = pathFromText(m_data.filePath(QStringLiteral("restart")).toStdString());
        EventFileWriter first(logdir / "a", writerOptions());
        EventFileWriter second(logdir / "b", writerOptions());
        const auto write = [&](int from, int to) {
            for (int step = from; step < to; ++step) {
                first.addScalar("loss", step, float(step));
                second.addScalar("loss", step, float(-step));
            }
            QVERIFY(first.flush() && second.flush());
        };
        write(0, 1000);
        LoadOptions keepEverything; // a point read twice would show as a duplicate
        keepEverything.keepOrphanedData = true;
        LogdirLoader remote(
            {{"", pathFromText(m_server.url(native(logdir)).toStdString())}}, keepEverything);
        remote.reload();
        QCOMPARE(scalarPointCount(remote), std::size_t(2000));

        // The server dies mid-load: after run a's new points were read, before run b's.
        write(1000, 3000);
        remote.reload([&](const LoadProgress& progress) {
            if (progress.filesDone == 1)
                m_server.stop();
        });
        QCOMPARE(scalarPointCount(remote), std::size_t(4000));
        // The next reload finds the host gone: everything loaded is kept.
        remote.reload();
        QCOMPARE(scalarPointCount(remote), std::size_t(4000));
        QVERIFY(!remote.discoveryProblems().empty());

        QVERIFY2(m_server.start(), qPrintable(m_server.why()));
        write(3000, 3500);
        remote.reload(); // reconnects and resumes from the saved offsets
        LogdirLoader local({{"", logdir}}, keepEverything);
        local.reload();
        QCOMPARE(scalarPointCount(remote), std::size_t(7000));
        QCOMPARE(scalarDump(remote), scalarDump(local));
    }

    void rotationAndRestartedRunAsLocally()
    {
        const fs::path logdir = fs::path(m_data.filePath(QStringLiteral("rotation")).toStdString());
        LogdirLoader remote({{"", m_server.url(native(logdir)).toStdString()}});
        LogdirLoader local({{"", logdir}});
        const auto reloadBoth = [&] {
            remote.reload();
            local.reload();
        };
        EventFileWriterOptions first = writerOptions();
        auto writer = std::make_unique<EventFileWriter>(logdir / "run", first);
        for (int step = 0; step < 100; ++step)
            writer->addScalar("loss", step, float(step));
        writer->flush();
        reloadBoth();
        QCOMPARE(scalarPointCount(remote), std::size_t(100));

        // Rotation: the old file gets its last points and is closed, a newer one goes on.
        for (int step = 100; step < 150; ++step)
            writer->addScalar("loss", step, float(step));
        writer.reset();
        EventFileWriterOptions second = writerOptions();
        second.wallTime = 20.0; // a newer file name
        writer = std::make_unique<EventFileWriter>(logdir / "run", second);
        for (int step = 150; step < 300; ++step)
            writer->addScalar("loss", step, float(step));
        writer->flush();
        reloadBoth();
        QCOMPARE(scalarPointCount(remote), std::size_t(300));
        QCOMPARE(scalarDump(remote), scalarDump(local));

        // A restarted run: its folder removed and made again, with a new file from step 0.
        writer.reset();
        fs::remove_all(logdir / "run");
        EventFileWriterOptions third = writerOptions();
        third.wallTime = 30.0;
        writer = std::make_unique<EventFileWriter>(logdir / "run", third);
        for (int step = 0; step < 40; ++step)
            writer->addScalar("loss", step, float(-step));
        writer->flush();
        reloadBoth();
        QCOMPARE(scalarDump(remote), scalarDump(local));
        QVERIFY2(scalarDump(remote).find("run loss 39 -39") != std::string::npos,
            scalarDump(remote).c_str());
        QCOMPARE(scalarPointCount(remote), scalarPointCount(local));
    }

    void compressedFileResumesAfterReconnect()
    {
        // The decompressor is mid-stream when the connection drops: after the reconnect the
        // stream goes on where it was, nothing lost or read twice.
        const fs::path logdir
            = fs::path(m_data.filePath(QStringLiteral("gzip-drop")).toStdString());
        EventFileWriter writer(logdir / "run", writerOptions(RecordCompression::Gzip));
        const auto write = [&](int from, int to) {
            for (int step = from; step < to; ++step)
                writer.addScalar("loss", step, float(step));
            QVERIFY(writer.flush());
        };
        write(0, 1000);
        LoadOptions keepEverything; // a point read twice would show as a duplicate
        keepEverything.keepOrphanedData = true;
        LogdirLoader remote({{"", m_server.url(native(logdir)).toStdString()}}, keepEverything);
        remote.reload();
        QCOMPARE(scalarPointCount(remote), std::size_t(1000));

        m_server.stop();
        write(1000, 2000);
        remote.reload();
        QCOMPARE(scalarPointCount(remote), std::size_t(1000));
        QVERIFY2(m_server.start(), qPrintable(m_server.why()));
        write(2000, 2500);
        remote.reload();
        LogdirLoader local({{"", logdir}}, keepEverything);
        local.reload();
        QCOMPARE(scalarPointCount(remote), std::size_t(2500));
        QCOMPARE(scalarDump(remote), scalarDump(local));
        write(2500, 2600); // and it goes on growing
        remote.reload();
        QCOMPARE(scalarPointCount(remote), std::size_t(2600));
    }

    void sshConfigAliasesAreHonoured()
    {
        // HostName, Port and IdentityFile from ~/.ssh/config, as `ssh lantern-test-box` would.
        const QString ssh = m_server.home() + QStringLiteral("/.ssh");
        QFile::rename(ssh + QStringLiteral("/id_ed25519"), ssh + QStringLiteral("/box_key"));
        QFile config(ssh + QStringLiteral("/config"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("Host lantern-test-box\n  HostName 127.0.0.1\n  Port %1\n"
                                    "  IdentityFile %2/box_key\n")
                         .arg(m_server.port())
                         .arg(ssh)
                         .toUtf8());
        config.close();
        writeLogdir(QStringLiteral("alias"), 30);
        const CliResult result = runCli({QStringLiteral("export"),
            QStringLiteral("ssh://lantern-test-box") + m_data.filePath(QStringLiteral("alias"))});
        config.open(QIODevice::WriteOnly);
        config.close();
        QFile::rename(ssh + QStringLiteral("/box_key"), ssh + QStringLiteral("/id_ed25519"));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QCOMPARE(result.out.count('\n'), 31); // the header and 30 points
    }

    void passwordIsAskedOnTheTerminal_data()
    {
        QTest::addColumn<int>("login");
        QTest::addColumn<QString>("method");
        QTest::newRow("password") << int(SshTestServer::Login::Password)
                                  << QStringLiteral("password");
        QTest::newRow("keyboard-interactive") << int(SshTestServer::Login::KeyboardInteractive)
                                              << QStringLiteral("keyboard-interactive");
    }
    void passwordIsAskedOnTheTerminal()
    {
        QFETCH(int, login);
        QFETCH(QString, method);
        const QString password = QStringLiteral("lantern 23 secret");
        const auto restore
            = qScopeGuard([this] { m_server.restartWithLogin(SshTestServer::Login::Key); });
        if (!m_server.restartWithLogin(SshTestServer::Login(login), password))
            QSKIP(qPrintable(QStringLiteral("no password login: ") + m_server.why()));
        writeLogdir(QStringLiteral("password"), 30);
        const QStringList arguments {
            QStringLiteral("export"), m_server.url(m_data.filePath(QStringLiteral("password")))};

        // Typed on the terminal, not shown there, not written to stdout: the export runs.
        const TerminalResult typed = runOnTerminal(QStringLiteral(LANTERN_CLI), arguments,
            m_server.clientEnvironment(), "assword", {password});
        QVERIFY2(typed.exitCode == 0, typed.terminal.constData());
        const QByteArray user = ::getpwuid(::geteuid())->pw_name;
        const QByteArray asked = login == int(SshTestServer::Login::Password)
            ? user + "@127.0.0.1's password: "
            : "(" + user + "@127.0.0.1) Password: "; // the server's words, as `ssh` shows them
        QVERIFY2(typed.terminal.contains(asked), typed.terminal.constData());
        QVERIFY2(!typed.terminal.contains(password.toUtf8()), typed.terminal.constData());
        QCOMPARE(typed.out.count('\n'), 31); // the header and 30 points
        QVERIFY(!typed.out.contains("assword"));

        // A wrong password: refused, naming what was tried and what the server accepts.
        const TerminalResult wrong = runOnTerminal(QStringLiteral(LANTERN_CLI), arguments,
            m_server.clientEnvironment(), "assword", {QStringLiteral("wrong")});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.terminal.contains(
                     QStringLiteral("authentication failed for user '%1' (tried: %2; the server "
                                    "accepts: %2)")
                         .arg(QString::fromLocal8Bit(user), method)
                         .toUtf8()),
            wrong.terminal.constData());
        QVERIFY(wrong.out.isEmpty());
    }

    void proxyJumpAndProxyCommandFromSshConfig()
    {
        // Debian 12's libssh (0.10) runs a ProxyJump as the ProxyCommand `ssh -W [%h]:%p JUMP`,
        // that is through OpenSSH's client, which reads the ~/.ssh of the password database,
        // not $HOME's. A stand-in `ssh` first on PATH points it at the test's HOME (and notes
        // that it ran); the jump host is this same server.
        const QString ssh = m_server.home() + QStringLiteral("/.ssh");
        const QString bin = m_server.home() + QStringLiteral("/bin");
        QVERIFY(QDir().mkpath(bin));
        const QString client = QStringLiteral(
            "/usr/bin/ssh -F %1/config -o UserKnownHostsFile=%1/known_hosts -o BatchMode=yes "
            "-i %1/id_ed25519")
                                   .arg(ssh);
        QFile wrapper(bin + QStringLiteral("/ssh"));
        QVERIFY(wrapper.open(QIODevice::WriteOnly));
        wrapper.write(QStringLiteral("#!/bin/sh\ntouch %1/jumped\nexec %2 \"$@\"\n")
                          .arg(m_server.home(), client)
                          .toUtf8());
        wrapper.close();
        QVERIFY(wrapper.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QFile config(ssh + QStringLiteral("/config"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("Host lantern-jump\n  HostName 127.0.0.1\n  Port %1\n"
                                    "Host lantern-behind-jump\n  HostName 127.0.0.1\n  Port %1\n"
                                    "  ProxyJump lantern-jump\n"
                                    "Host lantern-behind-command\n  HostName 127.0.0.1\n"
                                    "  Port %1\n  ProxyCommand %2 -W [%h]:%p lantern-jump\n")
                         .arg(m_server.port())
                         .arg(client)
                         .toUtf8());
        config.close();
        const auto restore = qScopeGuard([&] {
            config.open(QIODevice::WriteOnly);
            config.close();
        });
        writeLogdir(QStringLiteral("jump"), 30);
        const QString path = m_data.filePath(QStringLiteral("jump"));
        QProcessEnvironment environment = m_server.clientEnvironment();
        environment.insert(QStringLiteral("PATH"),
            bin + QLatin1Char(':') + environment.value(QStringLiteral("PATH")));

        const CliResult jump = runProgram(QStringLiteral(LANTERN_CLI),
            {QStringLiteral("export"), QStringLiteral("ssh://lantern-behind-jump") + path},
            environment);
        QVERIFY2(jump.exitCode == 0, jump.err.constData());
        QCOMPARE(jump.out.count('\n'), 31); // the header and 30 points
        QVERIFY(QFile::exists(m_server.home() + QStringLiteral("/jumped")));

        const CliResult command = runCli(
            {QStringLiteral("export"), QStringLiteral("ssh://lantern-behind-command") + path});
        QVERIFY2(command.exitCode == 0, command.err.constData());
        QCOMPARE(command.out, jump.out);
    }

    void unknownHostKeyIsRefusedWithItsFingerprint()
    {
        m_server.writeKnownHosts({});
        const CliResult result = runCli({QStringLiteral("inspect"), m_server.url(m_data.path())});
        m_server.writeKnownHosts(m_server.knownHostsLine());
        QCOMPARE(result.exitCode, 1);
        const QString message = QString::fromUtf8(result.err);
        QVERIFY2(message.contains(
                     QStringLiteral("[127.0.0.1]:%1 is not in known_hosts").arg(m_server.port())),
            result.err.constData());
        QVERIFY2(message.contains(m_server.hostKeyFingerprint()), result.err.constData());
        QVERIFY2(message.contains(QStringLiteral("ssh -p %1 127.0.0.1").arg(m_server.port())),
            result.err.constData());
        QVERIFY(result.out.isEmpty());
    }

    void changedHostKeyIsRefusedWithAWarning()
    {
        const QString oldFingerprint = m_server.hostKeyFingerprint();
        QVERIFY2(m_server.replaceHostKey(), qPrintable(m_server.why())); // known_hosts: the old
        const CliResult result = runCli({QStringLiteral("export"), m_server.url(m_data.path())});
        m_server.writeKnownHosts(m_server.knownHostsLine());
        QCOMPARE(result.exitCode, 1);
        const QString message = QString::fromUtf8(result.err);
        QVERIFY2(
            message.contains(QStringLiteral("WARNING: the host key of [127.0.0.1]:%1 has CHANGED")
                                 .arg(m_server.port())),
            result.err.constData());
        QVERIFY2(message.contains(QStringLiteral("Refusing to connect")), result.err.constData());
        QVERIFY2(message.contains(QStringLiteral("The host now offers ssh-ed25519 key ")
                     + m_server.hostKeyFingerprint()),
            result.err.constData());
        QVERIFY2(
            message.contains(QStringLiteral("known_hosts records ssh-ed25519 key ") + oldFingerprint
                + QStringLiteral(" at ") + m_server.home() + QStringLiteral("/.ssh/known_hosts:1")),
            result.err.constData());
        QVERIFY2(
            message.contains(QStringLiteral("ssh-keygen -R '[127.0.0.1]:%1'").arg(m_server.port())),
            result.err.constData());
        QVERIFY(result.out.isEmpty());
    }

    void wrongClientKeyFailsAuthentication()
    {
        const QString ssh = m_server.home() + QStringLiteral("/.ssh");
        QFile::copy(ssh + QStringLiteral("/id_ed25519"), ssh + QStringLiteral("/id_ed25519.good"));
        QFile::copy(
            ssh + QStringLiteral("/id_ed25519.pub"), ssh + QStringLiteral("/id_ed25519.pub.good"));
        QVERIFY(m_server.useUnknownClientKey());
        const CliResult result = runCli({QStringLiteral("inspect"), m_server.url(m_data.path())});
        for (const QString& name :
            {QStringLiteral("id_ed25519"), QStringLiteral("id_ed25519.pub")}) {
            QFile::remove(ssh + "/" + name);
            QFile::rename(ssh + "/" + name + QStringLiteral(".good"), ssh + "/" + name);
        }
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("authentication failed for user"), result.err.constData());
        QVERIFY2(result.err.contains("the server accepts: publickey)"), result.err.constData());
    }

    void badPathsAreReported()
    {
        const CliResult missing = runCli({QStringLiteral("export"),
            m_server.url(m_data.filePath(QStringLiteral("no/such/folder")))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.endsWith(": No such file or directory\n"), missing.err.constData());
        QVERIFY2(
            missing.err.contains(m_server.url(m_data.filePath(QStringLiteral("no/such"))).toUtf8()),
            missing.err.constData());

        writeLogdir(QStringLiteral("file"), 1);
        const QString file = native(fs::directory_iterator(
            pathFromText(m_data.filePath(QStringLiteral("file/run")).toStdString()))
                                        ->path());
        const CliResult notFolder = runCli({QStringLiteral("inspect"), m_server.url(file)});
        QCOMPARE(notFolder.exitCode, 1);
        QVERIFY2(notFolder.err.endsWith(": Not a directory\n"), notFolder.err.constData());

        const CliResult malformed
            = runCli({QStringLiteral("export"), QStringLiteral("ssh://127.0.0.1:99999/x")});
        QCOMPARE(malformed.exitCode, 1);
        QVERIFY2(malformed.err.contains("the port must be a number from 1 to 65535"),
            malformed.err.constData());
    }

    void unreadableFolderIsReported()
    {
        SshTestServer asNobody; // when root, who reads every folder
        const DeniableServer deniable = deniableServer(m_server, m_data.path(), asNobody);
        if (!deniable.server)
            QSKIP(qPrintable(deniable.why));
        SshTestServer* server = deniable.server;
        const fs::path logdir = deniable.served / "locked";
        fs::path blocked; // an event file the login user may not read, in a folder it may
        for (const fs::path& run : {logdir / "run", logdir / "secret", logdir / "blocked"}) {
            EventFileWriter writer(run, writerOptions());
            for (int step = 0; step < 10; ++step)
                writer.addScalar("loss", step, float(step));
            blocked = writer.path();
        }
        fs::permissions(logdir / "secret", fs::perms::none);
        fs::permissions(blocked, fs::perms::none);
        const auto inspect = [&](const fs::path& path) {
            return runProgram(QStringLiteral(LANTERN_CLI),
                {QStringLiteral("inspect"), server->url(native(path))},
                server->clientEnvironment());
        };
        const CliResult result = inspect(logdir);
        const CliResult root = inspect(logdir / "secret");
        fs::permissions(logdir / "secret", fs::perms::owner_all);
        fs::permissions(blocked, fs::perms::owner_read | fs::perms::owner_write);
        // Each refusal said with its path; the rest loads.
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(
                     (server->url(native(logdir / "secret")) + ": Permission denied").toUtf8()),
            result.out.constData());
        QVERIFY2(
            result.out.contains(
                (server->url(native(blocked)) + " @0: cannot open: Permission denied").toUtf8()),
            result.out.constData());
        QVERIFY2(result.out.contains("run run  (11 events"), result.out.constData());
        QCOMPARE(root.exitCode, 1);
        QVERIFY2(root.err.endsWith(": Permission denied\n"), root.err.constData());
        QVERIFY2(root.err.contains(server->url(native(logdir / "secret")).toUtf8()),
            root.err.constData());
    }

    void pathWithSpacesAndShellMetacharacters()
    {
        // Quotes, a command substitution, a separator, a glob and a newline: the remote shell
        // that runs `find` must see one literal argument.
        const QString name = QStringLiteral("a b;$(touch INJECTED)`touch INJECTED2`'\"*\nx");
        writeLogdir(name, 50);
        writeLogdir(name + QStringLiteral("/sub dir"), 20);
        expectSameExport(m_data.filePath(name));
        // The remote shell starts in the login user's home from the password database.
        const passwd* user = ::getpwuid(::getuid());
        for (const QString& folder : {m_server.home(), m_data.path(), QDir::rootPath(),
                 QString::fromLocal8Bit(user ? user->pw_dir : "/")})
            QVERIFY2(QDir(folder).entryList({QStringLiteral("INJECTED*")}).isEmpty(),
                qPrintable(folder));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestRemoteLogdirs)
#include "test_remote_logdirs.moc"
