FROM docker.io/library/redis:7
CMD redis-server --appendonly yes
