#!/usr/local/bin/python3
import subprocess

import click

CA_UPDATE_CMD = 'update-ca-certificates'
HELM_CMD = '/linux-amd64/helm'


@click.command()
@click.option('--hostname', required=True)
def migrate(hostname):
    # Trust the registry's CA mounted into /usr/local/share/ca-certificates.
    subprocess.run([CA_UPDATE_CMD])
    subprocess.run([HELM_CMD, 'registry', 'login', hostname])


if __name__ == '__main__':
    migrate()
