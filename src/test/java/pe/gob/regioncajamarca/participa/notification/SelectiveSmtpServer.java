package pe.gob.regioncajamarca.participa.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP server that refuses the recipients a predicate names (550, as Postfix answers) and accepts the others;
 * it records which connection delivered each message. Listens on the tests' SMTP port (no GreenMail runs then).
 */
final class SelectiveSmtpServer implements AutoCloseable {
    private static final Pattern RCPT = Pattern.compile("RCPT TO:\\s*<([^>]*)>.*", Pattern.CASE_INSENSITIVE);
    final ServerSocket socket;
    final Predicate<String> refuses;
    final List<String> refused = new CopyOnWriteArrayList<>();
    /** "connection number|recipient" for each message accepted. */
    final List<String> accepted = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();

    SelectiveSmtpServer(int port, Predicate<String> refuses) throws IOException {
        this.refuses = refuses;
        socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "smtp-selectivo");
        thread.setDaemon(true);
        thread.start();
    }

    /** The connection numbers over which a recipient's messages arrived. */
    List<Integer> delivered(String recipient) {
        return accepted.stream().filter(a -> a.endsWith("|" + recipient))
                .map(a -> Integer.valueOf(a.substring(0, a.indexOf('|')))).toList();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(10_000);
                converse(s, connections.incrementAndGet());
            } catch (IOException closedOrBroken) {
                // next connection, or the server was closed
            }
        }
    }

    private void converse(Socket s, int connection) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 mx.example.pe ESMTP");
        List<String> recipients = new ArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase();
            Matcher rcpt = RCPT.matcher(line);
            if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                reply(out, "250 mx.example.pe");
            } else if (rcpt.matches()) {
                if (refuses.test(rcpt.group(1))) {
                    refused.add("<" + rcpt.group(1) + ">");
                    reply(out, "550 5.1.1 <" + rcpt.group(1)
                            + ">: Recipient address rejected: User unknown in virtual mailbox table");
                } else {
                    recipients.add(rcpt.group(1));
                    reply(out, "250 2.1.5 Ok");
                }
            } else if (upper.startsWith("DATA")) {
                if (recipients.isEmpty()) {
                    reply(out, "554 5.5.1 Error: no valid recipients");
                    continue;
                }
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message
                }
                recipients.forEach(r -> accepted.add(connection + "|" + r));
                recipients.clear();
                reply(out, "250 2.0.0 Ok: queued");
            } else if (upper.startsWith("RSET") || upper.startsWith("MAIL")) {
                recipients.clear();
                reply(out, "250 2.0.0 Ok");
            } else if (upper.startsWith("QUIT")) {
                reply(out, "221 2.0.0 Bye");
                return;
            } else {
                reply(out, "250 2.0.0 Ok"); // NOOP
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
