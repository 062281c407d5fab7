require("fastify")
