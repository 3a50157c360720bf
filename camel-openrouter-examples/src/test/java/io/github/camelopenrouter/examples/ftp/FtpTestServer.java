package io.github.camelopenrouter.examples.ftp;

import java.nio.file.Path;
import java.util.List;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * A real FTP server (Apache FtpServer) on loopback with one user whose home is {@code home}. Active mode is switched
 * off, so a client that does not use passive mode cannot transfer a single file.
 */
final class FtpTestServer implements AutoCloseable {

    static final String USER = "scanner";
    static final String PASSWORD = "scan-secret";

    private final FtpServer server;
    private final int port;

    private FtpTestServer(FtpServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static FtpTestServer start(Path home) throws FtpException {
        DataConnectionConfigurationFactory dataConnections = new DataConnectionConfigurationFactory();
        dataConnections.setActiveEnabled(false);
        dataConnections.setPassiveAddress("127.0.0.1");
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        listener.setDataConnectionConfiguration(dataConnections.createDataConnectionConfiguration());

        UserManager users = new PropertiesUserManagerFactory().createUserManager();
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(home.toAbsolutePath().toString());
        user.setAuthorities(List.of(new WritePermission()));
        users.save(user);

        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener.createListener());
        factory.setUserManager(users);
        FtpServer server = factory.createServer();
        server.start();
        int port = ((org.apache.ftpserver.impl.DefaultFtpServer) server).getListener("default").getPort();
        return new FtpTestServer(server, port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        server.stop();
    }
}
