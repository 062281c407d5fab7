/**
 * Programs by the privileges they need, as data: what non-root-user (src/analysis/privileges.ts)
 * reads to tell whether a container can start as another user. Each entry says why, in the words
 * a refusal quotes.
 */

/** Programs that start as root to become another user: the image manages its privileges itself. */
export const PRIVILEGE_DROPPERS: ReadonlySet<string> = new Set(['gosu', 'su-exec', 'setpriv', 'chroot', 'su', 'runuser', 's6-setuidgid', 'setuidgid', 'chpst', 'sudo', 'doas', 'capsh']);

/**
 * Subcommands of multi-call programs that start as root to become another user, as gosu does, by
 * program: ClickHouse's \`clickhouse su user:group program\`, which its image's entrypoint runs the
 * server with (ClickHouse/ClickHouse programs/su/su.cpp; docker/server/entrypoint.sh).
 */
export const PRIVILEGE_DROPPING_SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  clickhouse: ['su'],
};

/** Why an agent that collects the host's logs needs root. */
function hostLogs(agent: string): string {
  return `${agent} collects logs the host mounts in (files under /var/log and /var/lib/docker/containers, the systemd journal), which only root may read: its images run it as root`;
}

/** Why a program that talks to the Docker daemon needs root. */
function dockerSocket(what: string): string {
  return `${what} talks to the Docker daemon through /var/run/docker.sock, which only root and the host's docker group may use`;
}

function sdr(program: string): string {
  return `${program} opens the radio's USB device (/dev/bus/usb/…), whose node the host's udev rules commonly give to root and the plugdev group alone`;
}

function backup(program: string): string {
  return `${program} backs up files whatever their owner and mode, and restores them with their owners: as another user it cannot read the mounted data's files of mode 600 or folders of 700, and every file it restores becomes that user's`;
}

/** A VPN daemon: what it does with the kernel's network needs CAP_NET_ADMIN, which \`--cap-add\` gives root alone. */
function tunnel(what: string): string {
  return `${what}, which need CAP_NET_ADMIN: \`--cap-add\` gives it to root, not to another user`;
}

function packetCapture(program: string): string {
  return `${program} captures packets through a raw socket, which needs CAP_NET_RAW: Docker gives it to root by default, not to another user`;
}

/** Programs that need root to do their job, and why. */
export const ROOT_PROGRAMS: Readonly<Record<string, string>> = {
  systemd: 'systemd boots an init system, which needs root',
  init: 'an init system needs root',
  'systemd-init': 'an init system needs root',
  dockerd: 'a Docker daemon (docker-in-docker) needs root',
  'dockerd-entrypoint.sh': 'a Docker daemon (docker-in-docker) needs root',
  sshd: 'sshd needs root to switch to the user who logs in',
  cron: 'cron needs root to run jobs as their users',
  crond: 'cron needs root to run jobs as their users',
  supervisord: 'supervisord starts its programs as the users its configuration names, which needs root',
  // Service supervisors that run as the container's init: the services they start are system daemons.
  runsvdir: "runit's runsvdir is an init system: it starts the system services of its folder, which need root or switch to their own accounts (chpst -u)",
  runit: 'runit is an init system, which needs root',
  's6-svscan': "s6-svscan is an init system: it starts the system services of its folder, which need root or switch to their own accounts (s6-setuidgid)",
  my_init: "phusion baseimage's my_init is an init system: it runs its startup scripts and runit services as root",
  // Servers from distro packages: they bind port 80/443 or switch to their own account as root.
  nginx: 'nginx starts as root to bind its port and switch its workers to its own user',
  // nginx under other names: OpenResty's bin/openresty is a link to its nginx, Angie is a fork.
  openresty: 'OpenResty is nginx: it starts as root to bind its port and switch its workers to nobody',
  angie: 'Angie, a fork of nginx, starts as root to bind its port and switch its workers to its own user',
  apache2: 'Apache starts as root to bind its port and switch to www-data',
  apache2ctl: 'Apache starts as root to bind its port and switch to www-data',
  apachectl: 'Apache starts as root to bind its port and switch to its user',
  httpd: 'httpd starts as root to bind its port and switch to its user',
  'httpd-foreground': 'httpd starts as root to bind its port and switch to its user',
  'apache2-foreground': 'Apache starts as root to bind its port and switch to www-data',
  'php-fpm': 'php-fpm starts its master as root and its pools as www-data',
  postfix: 'Postfix starts as root and runs its services as their own accounts',
  // Unless its configuration chooses others (DockerSpawner, KubeSpawner, an OAuth authenticator), which is not read.
  jupyterhub: 'JupyterHub, as configured by default, checks passwords with PAM (which reads /etc/shadow) and starts each user\'s server as that user, both of which need root',
  named: 'named starts as root to bind port 53',
  // Without a Corefile naming another port, or setcap on the binary (the upstream image's way to run it as nonroot).
  coredns: 'CoreDNS serves DNS on port 53, which needs root to bind',
  // Network daemons whose ports are below 1024 or that switch each client to an account: as another user they fail to start.
  dnsmasq: 'dnsmasq starts as root to bind port 53 (and 67 for DHCP), then switches to nobody',
  unbound: 'unbound starts as root to bind port 53, then switches to its own account',
  nsd: 'NSD starts as root to bind port 53, then switches to its own account',
  pdns_server: "PowerDNS's server binds port 53, which needs root, then switches to the account its setuid and setgid name",
  pdns_recursor: "PowerDNS's recursor binds port 53, which needs root, then switches to the account its setuid and setgid name",
  chronyd: 'chronyd sets the system clock and binds port 123, which need root',
  ntpd: 'ntpd sets the system clock and binds port 123, which need root',
  vsftpd: 'vsftpd starts as root to bind port 21 and to switch to the user who logs in',
  proftpd: 'ProFTPD starts as root to bind port 21 and to switch to the user who logs in',
  'pure-ftpd': 'Pure-FTPd starts as root to bind port 21 and to switch to the user who logs in',
  dovecot: 'Dovecot starts as root to bind its mail ports and to read mail as each user',
  exim: 'Exim starts as root to bind port 25 and to deliver mail as each recipient',
  exim4: 'Exim starts as root to bind port 25 and to deliver mail as each recipient',
  smbd: 'Samba starts as root to bind port 445 and to serve each share as the user who logs in',
  lighttpd: 'lighttpd starts as root to bind its port and switch to its own user',
  squid: 'Squid starts as root to bind its port and open its cache and logs, then switches to its own account',
  // Dante's SOCKS server (danted on Debian): its configuration names the accounts it moves between.
  sockd: "Dante's sockd starts as root and moves between the accounts its configuration's user.privileged and user.unprivileged name, which only root may",
  danted: "Dante's danted starts as root and moves between the accounts its configuration's user.privileged and user.unprivileged name, which only root may",
  // Unless its configuration leaves out setuid and setgid, which is not read. Debian's stunnel4 is found by this name.
  stunnel: 'stunnel is configured to switch to its own account (setuid, setgid) once its ports are open, which only root may',
  openvpn: tunnel('OpenVPN opens /dev/net/tun and changes routes'),
  // Unless told `--tun=userspace-networking`, which the command's words are not read for.
  tailscaled: tunnel('tailscaled opens /dev/net/tun and changes routes and the firewall'),
  'wg-quick': tunnel('wg-quick makes a WireGuard interface and changes routes'),
  // Kubernetes node agents that act on the host they run on, from a DaemonSet with hostPID.
  kured: "kured reboots the node it runs on: by sending SIGRTMIN+5 to the host's PID 1, or by running the reboot command in PID 1's mount namespace with nsenter; both are root's (another user has no capabilities, even in a privileged pod)",
  wg: 'wg configures WireGuard interfaces, which needs CAP_NET_ADMIN: `--cap-add` gives it to root, not to another user',
  ipsec: tunnel("strongSwan's and Libreswan's ipsec starts their IKE daemon to install IPsec policies and routes in the kernel"),
  charon: tunnel("strongSwan's IKE daemon installs IPsec policies and routes in the kernel"),
  pluto: tunnel("Libreswan's IKE daemon installs IPsec policies and routes in the kernel"),
  ocserv: tunnel('ocserv opens /dev/net/tun and sets up each client\'s device and routes'),
  openconnect: tunnel('openconnect opens /dev/net/tun and sets routes and DNS through its vpnc-script'),
  xl2tpd: tunnel('xl2tpd starts pppd for each tunnel to open /dev/ppp and make network interfaces'),
  pptpd: tunnel('pptpd starts pppd for each client to open /dev/ppp and make network interfaces'),
  'zerotier-one': tunnel('ZeroTier opens /dev/net/tun and changes routes'),
  tincd: tunnel('tinc opens /dev/net/tun and brings its interface up'),
  // Software-defined radio: the dongle is a USB device the host passes in (`--device /dev/bus/usb`), whose node the
  // host's udev gives to root (and at most a group such as plugdev, which the container's user is not in).
  rtl_433: sdr('rtl_433'),
  rtl_tcp: sdr('rtl_tcp'),
  rtl_fm: sdr('rtl_fm'),
  rtl_sdr: sdr('rtl_sdr'),
  readsb: sdr('readsb'),
  dump1090: sdr('dump1090'),
  'dump1090-fa': sdr('dump1090-fa'),
  acarsdec: sdr('acarsdec'),
  dumpvdl2: sdr('dumpvdl2'),
  rsyslogd: 'rsyslogd makes /dev/log and writes under /var/log, which root owns',
  // Agents that ship the host's logs: their images run them as root (Filebeat's says to, with --user=root, for them).
  vector: hostLogs('Vector'),
  'fluent-bit': hostLogs('Fluent Bit'),
  promtail: hostLogs('Promtail'),
  filebeat: hostLogs('Filebeat'),
  // Packet capture opens a raw socket: Docker gives root CAP_NET_RAW by default, another user has no capabilities
  // (and the distros install dumpcap without setcap unless asked).
  tcpdump: packetCapture('tcpdump'),
  tshark: packetCapture('tshark'),
  dumpcap: packetCapture('dumpcap'),
  termshark: packetCapture('termshark'),
  ngrep: packetCapture('ngrep'),
  masscan: 'masscan sends and receives its own packets through a raw socket, which needs CAP_NET_RAW: Docker gives it to root by default, not to another user',
  // nmap run by another user falls back to connect scans, and quits on what needs raw packets (-sS, -sU, -O).
  nmap: "nmap's SYN, UDP and OS scans send their own packets through a raw socket, which needs CAP_NET_RAW: Docker gives it to root by default, not to another user, as whom nmap falls back to slower connect scans or quits",
  'arp-scan': 'arp-scan sends its ARP requests through a raw socket, which needs CAP_NET_RAW: Docker gives it to root by default, not to another user',
  // Tools that build or change a system, as root alone may.
  debootstrap: 'debootstrap builds a Debian system in a folder (chroot, device nodes, files owned by root), which needs root',
  certbot: 'certbot keeps its accounts, certificates, logs and lock files in /etc/letsencrypt, /var/lib/letsencrypt and /var/log/letsencrypt, which root owns',
  // Programs that drive the Docker daemon through /var/run/docker.sock, mounted when the container runs
  // (the Dockerfile does not show it): root and the docker group may use it, and the group is the host's.
  docker: dockerSocket('the Docker CLI'),
  'docker-compose': dockerSocket('Docker Compose'),
  'drone-agent': dockerSocket("Drone's agent, which runs the pipelines' steps as containers,"),
  'drone-runner-docker': dockerSocket("Drone's Docker runner, which runs the pipelines' steps as containers,"),
  'woodpecker-agent': dockerSocket("Woodpecker's agent, which runs the pipelines' steps as containers with its default backend,"),
  watchtower: dockerSocket('Watchtower, which pulls new images and restarts the containers on them,'),
  'docker-gen': dockerSocket('docker-gen, which writes files from the running containers,'),
  dozzle: dockerSocket('Dozzle, which shows the containers\' logs,'),
  portainer: dockerSocket('Portainer, which manages the local Docker through it,'),
  logspout: dockerSocket('logspout, which routes the containers\' logs,'),
  registrator: dockerSocket('Registrator, which registers the running containers\' services,'),
  cadvisor: "cAdvisor reads the Docker daemon's socket, /var/lib/docker and the host's /sys and /dev/kmsg, which only root may",
  // Backup tools: a backup reads every file of the folders it is given (the host's, mounted in), whatever their owner
  // and mode, and a restore gives each file back its owner (restic ignores the failed chown when not root).
  restic: backup('restic'),
  rustic: backup('rustic'),
  borg: backup('BorgBackup'),
  borgmatic: backup('borgmatic, which runs BorgBackup,'),
  // Databases from distro packages own their data folder under their own account.
  mysqld: 'mysqld runs as the mysql account, which owns its data folder',
  mysqld_safe: 'mysqld runs as the mysql account, which owns its data folder',
  mariadbd: 'mariadbd runs as the mysql account, which owns its data folder',
  postgres: 'postgres runs as the postgres account, which owns its data folder',
  mongod: 'mongod runs as the mongodb account, which owns its data folder',
  // Run without a configuration, it saves dump.rdb in the working folder (root's `/`); a failed save then stops writes (MISCONF).
  'redis-server': 'redis-server saves its data in a folder of the redis account (the distro\'s /var/lib/redis) or in the working folder, which stays root\'s: as another user the save fails, and Redis then refuses writes',
  'valkey-server': 'valkey-server saves its data in a folder of the valkey account or in the working folder, which stays root\'s: as another user the save fails, and Valkey then refuses writes',
};

/**
 * Configuration files Debian's packages install that make their program need root: run with one the
 * Dockerfile does not replace, the program fails to start as another user. By path, with the package
 * (as apt names it) that installs it; read from the packages of Debian 12 (apt-get download, dpkg-deb -x).
 */
export const PACKAGED_ROOT_CONFIGS: Readonly<Record<string, { readonly package: string; readonly why: string }>> = {
  '/etc/haproxy/haproxy.cfg': {
    package: 'haproxy',
    why: "Debian's haproxy.cfg chroots to /var/lib/haproxy, opens its stats socket in /run/haproxy and switches to the haproxy account, which need root",
  },
  '/etc/mosquitto/mosquitto.conf': {
    package: 'mosquitto',
    why: "Debian's mosquitto.conf writes its pid file to /run/mosquitto and its log to /var/log/mosquitto, which the mosquitto account owns",
  },
};

/** Programs that change the system, which only root may: run at start as another user, they fail. */
export const SYSTEM_CHANGERS: Readonly<Record<string, string>> = {
  useradd: 'creating an account needs root',
  adduser: 'creating an account needs root',
  groupadd: 'creating a group needs root',
  addgroup: 'creating a group needs root',
  usermod: 'changing an account needs root',
  groupmod: 'changing a group needs root',
  userdel: 'removing an account needs root',
  deluser: 'removing an account needs root',
  groupdel: 'removing a group needs root',
  delgroup: 'removing a group needs root',
  chpasswd: 'setting passwords needs root',
  chown: 'giving files to another user needs root',
  chgrp: 'giving files to another group needs root',
  'update-ca-certificates': 'rewriting the system\'s certificate store needs root',
  iptables: 'changing the firewall needs root',
  ip6tables: 'changing the firewall needs root',
  'iptables-restore': 'changing the firewall needs root',
  'ip6tables-restore': 'changing the firewall needs root',
  // nft needs CAP_NET_ADMIN even to list the rules; `--cap-add` gives it to root, not to another user.
  nft: 'nftables needs CAP_NET_ADMIN, which `--cap-add` gives root but not another user',
  ipset: 'changing the firewall\'s sets needs root',
  ebtables: 'changing the firewall needs root',
  modprobe: 'loading a kernel module needs root',
  insmod: 'loading a kernel module needs root',
  rmmod: 'removing a kernel module needs root',
  setcap: 'giving a program capabilities needs root',
};

/**
 * Programs that mount a FUSE filesystem, by name: the subcommands that mount (\`rclone mount\`, and
 * \`rclone serve docker\`, a volume plugin that mounts each volume), or null when the program only
 * mounts. In a container a mount needs /dev/fuse and CAP_SYS_ADMIN, which \`--cap-add\` gives root.
 */
export const FUSE_MOUNTERS: Readonly<Record<string, readonly (readonly string[])[] | null>> = {
  rclone: [['mount'], ['nfsmount'], ['cmount'], ['serve', 'docker']],
  juicefs: [['mount']],
  blobfuse2: [['mount']],
  s3fs: null,
  sshfs: null,
  gcsfuse: null,
  goofys: null,
  geesefs: null,
  'mount-s3': null,
  mergerfs: null,
  'unionfs-fuse': null,
  bindfs: null,
  rar2fs: null,
};

/**
 * Libraries an app opens serial devices with, by registry. The adapter the host passes in (\`--device
 * /dev/ttyUSB0\`, a Zigbee or Z-Wave stick, a 3D printer) keeps its node's owner and group, root and dialout
 * (mode 660): a user of the image may open it only when the container is also run with \`--group-add dialout\`.
 * zigbee-herdsman is the Zigbee stack that opens its adapter with serialport (Zigbee2MQTT declares it alone).
 */
export const SERIAL_CLIENTS: Readonly<{ pypi: readonly string[]; npm: readonly string[] }> = {
  pypi: ['pyserial', 'pyserial-asyncio', 'pyserial-asyncio-fast'],
  npm: ['serialport', '@serialport/stream', 'zigbee-herdsman'],
};

/**
 * Distro packages of the user-space drivers that reach a GPU through the kernel's device nodes, by package name
 * (Debian's and Ubuntu's, Alpine's, Fedora's), with what they drive. The host passes the nodes in (\`--device /dev/dri\`, ROCm's \`--device /dev/kfd\`)
 * with their owner and mode: root and the host's render or video group, mode 660. Root opens them; another user
 * only when the container is also run with \`--group-add\` of that group (by its number on the host), which the
 * image cannot say: without it the program finds no GPU and fails or falls back to the CPU (Mesa's software
 * Vulkan, lavapipe). NVIDIA's drivers are not here: its container toolkit makes /dev/nvidia* open to every user.
 */
export const GPU_DRIVER_PACKAGES: Readonly<Record<string, string>> = {
  'mesa-vulkan-drivers': 'Mesa\'s Vulkan drivers for AMD and Intel GPUs',
  'mesa-vulkan-ati': 'Mesa\'s Vulkan driver for AMD GPUs',
  'mesa-vulkan-intel': 'Mesa\'s Vulkan driver for Intel GPUs',
  'mesa-opencl-icd': 'Mesa\'s OpenCL drivers for AMD and Intel GPUs',
  'mesa-va-drivers': 'Mesa\'s VA-API drivers, video decoding and encoding on AMD GPUs',
  'mesa-va-gallium': 'Mesa\'s VA-API drivers, video decoding and encoding on AMD GPUs',
  'intel-media-va-driver': 'Intel\'s VA-API driver, video decoding and encoding on Intel GPUs',
  'intel-media-va-driver-non-free': 'Intel\'s VA-API driver, video decoding and encoding on Intel GPUs',
  'intel-media-driver': 'Intel\'s VA-API driver, video decoding and encoding on Intel GPUs',
  'i965-va-driver': 'Intel\'s older VA-API driver, video decoding and encoding on Intel GPUs',
  'libva-intel-driver': 'Intel\'s older VA-API driver, video decoding and encoding on Intel GPUs',
  'intel-opencl-icd': 'Intel\'s OpenCL runtime for its GPUs',
  'intel-level-zero-gpu': 'Intel\'s Level Zero driver for its GPUs',
  'libze-intel-gpu1': 'Intel\'s Level Zero driver for its GPUs',
  'rocm-hip-runtime': 'AMD\'s ROCm runtime for its GPUs',
  'rocm-opencl-runtime': 'AMD\'s ROCm OpenCL runtime for its GPUs',
  'hip-runtime-amd': 'AMD\'s ROCm runtime for its GPUs',
};

/**
 * Client libraries of the Docker Engine API, by registry: an app that uses one talks to the daemon
 * through /var/run/docker.sock, which only root and the host's docker group may use. Go's are the
 * packages a source file imports (a module go.mod only lists may be another's dependency).
 */
export const DOCKER_CLIENTS: Readonly<{ pypi: readonly string[]; npm: readonly string[]; rubygems: readonly string[]; go: readonly string[] }> = {
  // docker (docker-py), aiodocker.
  pypi: ['docker', 'aiodocker'],
  npm: ['dockerode'],
  rubygems: ['docker-api'],
  go: ['github.com/docker/docker/client', 'github.com/moby/moby/client', 'github.com/fsouza/go-dockerclient'],
};
