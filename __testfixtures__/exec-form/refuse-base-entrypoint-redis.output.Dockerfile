FROM redis:7
CMD redis-server --appendonly yes
