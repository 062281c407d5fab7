#!/usr/bin/env bash
set -Eeo pipefail

_is_sourced() {
	[ "${#FUNCNAME[@]}" -ge 2 ] \
		&& [ "${FUNCNAME[0]}" = '_is_sourced' ] \
		&& [ "${FUNCNAME[1]}" = 'source' ]
}

_main() {
	if [ "${1:0:1}" = '-' ]; then
		set -- postgres "$@"
	fi
	if [ "$1" = 'postgres' ] && [ "$(id -u)" = '0' ]; then
		exec gosu postgres "$BASH_SOURCE" "$@"
	fi
	exec "$@"
}

if ! _is_sourced; then
	_main "$@"
fi
