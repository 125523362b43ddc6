console.log('hoptac', process.argv.slice(2));
