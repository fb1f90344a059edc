package dev.upgradetracker.simulator.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashSet;
import org.apache.sshd.server.SshServer;

/**
 * One SSH server listening on many ports, bound one at a time: a server per host cost a thread
 * pool, a channel group and a selector thread each, and 500 of them spent a quarter of their time
 * on lock hand-offs ({@code ./bench executor}).
 */
final class ManyPortSshServer extends SshServer {

  /** Started listening nowhere: {@link #listen} binds each port. */
  void startUnbound(String address) throws IOException {
    setHost(address);
    setPort(0);
    start();
    acceptor.unbind();
  }

  /** Listens on {@code port} too (0: any free one); the address it listens on. */
  synchronized InetSocketAddress listen(String address, int port) throws IOException {
    var before = new HashSet<SocketAddress>(acceptor.getBoundAddresses());
    acceptor.bind(new InetSocketAddress(address, port));
    var added = new HashSet<SocketAddress>(acceptor.getBoundAddresses());
    added.removeAll(before);
    if (added.size() != 1) {
      throw new IOException("binding " + address + ":" + port + " added " + added);
    }
    return (InetSocketAddress) added.iterator().next();
  }
}
