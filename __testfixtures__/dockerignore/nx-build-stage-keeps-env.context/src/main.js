console.log(import.meta.env.VITE_API_BASE);
